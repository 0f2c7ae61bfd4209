package io.smartlb.service;

/**
 * Shares one {@code String} per model name among the jobs the service keeps: each request parses
 * its own copy of the name, and 100,000 retained jobs of a few models would otherwise hold 100,000
 * copies. A direct-mapped cache of {@code slots} names (a power of two): O(1), bounded, lock-free;
 * a name whose slot another name took is simply not shared. Thread-safe.
 */
final class ModelNames {

    // plain reads and writes race benignly: a String is immutable and safely published by its
    // final fields, and a lost write only costs one unshared copy
    private final String[] slots;

    ModelNames(int slots) {
        if (slots <= 0 || Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two: " + slots);
        }
        this.slots = new String[slots];
    }

    /** Returns the shared instance equal to {@code model}, which becomes the shared one if none is. */
    String canonical(String model) {
        int h = model.hashCode();
        int slot = (h ^ (h >>> 16)) & (slots.length - 1);
        String known = slots[slot];
        if (model.equals(known)) {
            return known;
        }
        slots[slot] = model;
        return model;
    }
}
