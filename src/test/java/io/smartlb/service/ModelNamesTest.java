package io.smartlb.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class ModelNamesTest {

    @Test
    void canonical_sameNameTwice_returnsTheFirstInstance() {
        ModelNames names = new ModelNames(16);
        String first = new String("voice-1");

        names.canonical(first);
        String shared = names.canonical(new String("voice-1"));

        assertThat(shared).isSameAs(first);
    }

    @Test
    void canonical_namesSharingASlot_eachStayEqualToItself() {
        ModelNames names = new ModelNames(1);  // every name takes the one slot

        String a = names.canonical("m1");
        String b = names.canonical("m2");
        String c = new String("m1");

        assertThat(a).isEqualTo("m1");
        assertThat(b).isEqualTo("m2");
        assertThat(names.canonical(c)).isSameAs(c);  // m2 took the slot: this m1 is not shared
    }

    @Test
    void constructor_slotsNotAPowerOfTwo_isRefused() {
        assertThatThrownBy(() -> new ModelNames(1000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("slots must be a power of two: 1000");
    }
}
