package io.smartlb.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class TraceReaderTest {

    @TempDir
    Path dir;

    @Test
    void read_validRows_keepsColumnsAndNumbersModels() {
        Trace trace = TestTraces.inline("0,m1,5000,10,0", "0,m2,4000,20,1.5", "7,m1,5000,30,-2");

        assertThat(trace.name()).isEqualTo("inline.csv");
        assertThat(trace.size()).isEqualTo(3);
        assertThat(trace.models()).containsExactly("m1", "m2");
        assertThat(trace.arrivalMs(2)).isEqualTo(7);
        assertThat(trace.model(2)).isEqualTo("m1");
        assertThat(trace.modelIndex(2)).isZero();
        assertThat(trace.loadMs(1)).isEqualTo(4000);
        assertThat(trace.processMs(2)).isEqualTo(30);
        assertThat(trace.priority(1)).isEqualTo(1.5);
        assertThat(trace.priority(2)).isEqualTo(-2);
    }

    @Test
    void read_controlCharacterInABadValue_isEscapedInTheError() {
        String text = TraceReader.HEADER + "\n0,m1,1\u00002,2,0\n";

        assertThatThrownBy(() -> TraceReader.read("nul.csv", new StringReader(text)))
                .isInstanceOf(MalformedTraceException.class)
                .hasMessage("nul.csv:2: load_ms is not a non-negative integer: '1\\u00002'");
    }

    @Test
    void read_crlfAndByteOrderMark_accepted() throws Exception {
        String text = "\uFEFF" + TraceReader.HEADER + "\r\n0,m1,1,2,0\r\n";

        Trace trace = TraceReader.read("windows.csv", new StringReader(text));

        assertThat(trace.size()).isEqualTo(1);
        assertThat(trace.model(0)).isEqualTo("m1");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "0,m1,x,10,0       | inline.csv:3: load_ms is not a non-negative integer: 'x'",
        "0,m1,-5,10,0      | inline.csv:3: load_ms is not a non-negative integer: '-5'",
        "0,m1,5,1.5,0      | inline.csv:3: process_ms is not a non-negative integer: '1.5'",
        "a,m1,5,1,0        | inline.csv:3: arrival_ms is not a non-negative integer: 'a'",
        "0,m1,5,,0         | inline.csv:3: process_ms is not a non-negative integer: ''",
        "0,,5,1,0          | inline.csv:3: model is empty or blank",
        "'0, m1,5,1,0'     | inline.csv:3: model has spaces around it, which would make it another model: ' m1'",
        "'0,m1\t,5,1,0'    | inline.csv:3: model has spaces around it, which would make it another model: 'm1\\u0009'",
        "'0,\"m1\",5,1,0'  | inline.csv:3: model starts with a quote; trace fields are not quoted, so it would be another model: '\"m1\"'",
        "0,m1,5,1          | inline.csv:3: expected 5 columns, found 4: '0,m1,5,1'",
        "0,m1,5,1,0,9      | inline.csv:3: expected 5 columns, found more: '0,m1,5,1,0,9'",
        "0,m1,5,1,NaN      | inline.csv:3: priority is not a number: 'NaN'",
        "0,m1,5,1,1e400    | inline.csv:3: priority must be finite and within +-1000000 seconds: '1e400'",
        "0,m1,5,1,2000000  | inline.csv:3: priority must be finite and within +-1000000 seconds: '2000000'",
        "0,m1,5,1,1d       | inline.csv:3: priority is not a number: '1d'",
    })
    void read_badRow_namesFileAndLine(String row, String message) {
        // line 1 is the header, line 2 a good row, line 3 the bad one
        assertThatThrownBy(() -> TestTraces.inline("0,m1,5,1,0", row))
                .hasRootCauseInstanceOf(MalformedTraceException.class)
                .hasRootCauseMessage(message);
    }

    @Test
    void read_emptyLinesAtTheEnd_ignored() throws Exception {
        String text = TraceReader.HEADER + "\n0,m1,1,2,0\n\n\r\n";

        assertThat(TraceReader.read("t.csv", new StringReader(text)).size()).isEqualTo(1);
    }

    @Test
    void read_linesOfSpacesAtTheEnd_ignored() throws Exception {
        String text = TraceReader.HEADER + "\n0,m1,1,2,0\n   \n\t\n";

        assertThat(TraceReader.read("t.csv", new StringReader(text)).size()).isEqualTo(1);
    }

    @Test
    void read_notUtf8_namesTheLine_thoughTheReaderDecodesAhead() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((TraceReader.HEADER + "\n").getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 2000; i++) {
            bytes.writeBytes((i + ",m1,5,1,0\n").getBytes(StandardCharsets.UTF_8));
        }
        bytes.writeBytes("2000,m\u00e9,5,1,0\n".getBytes(StandardCharsets.ISO_8859_1));  // line 2002
        Path file = Files.write(dir.resolve("latin1.csv"), bytes.toByteArray());

        assertThatThrownBy(() -> TraceReader.read(file))
                .isInstanceOf(MalformedTraceException.class)
                .hasMessage("latin1.csv:2002: not UTF-8 text");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)  // a second open of the pipe would wait for ever
    void read_notUtf8_fromAPipe_namesNoLine_asItsBytesCannotBeReadAgain() throws Exception {
        Path fifo = dir.resolve("trace.pipe");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        byte[] bytes = (TraceReader.HEADER + "\n0,m1,5,1,0\n1,m\u00e9,5,1,0\n").getBytes(StandardCharsets.ISO_8859_1);
        Thread writer = new Thread(() -> {
            try {
                Files.write(fifo, bytes);  // blocks until the reader opens the pipe
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        writer.start();

        // a second read of a pipe finds no bytes (or waits for a writer): it cannot find the line
        assertThatThrownBy(() -> TraceReader.read(fifo)).isInstanceOf(MalformedTraceException.class)
                .hasMessage("trace.pipe: not UTF-8 text");
        writer.join();
    }

    @Test
    void read_notUtf8_withCrOrCrLfLineEnds_namesTheLineTheReaderCounts() throws Exception {
        for (String end : new String[] {"\r", "\r\n"}) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.writeBytes((TraceReader.HEADER + end + "0,m1,5,1,0" + end + "1,m1,5,1,0" + end).getBytes(StandardCharsets.UTF_8));
            bytes.writeBytes(("2,m\u00e9,5,1,0" + end).getBytes(StandardCharsets.ISO_8859_1));  // line 4
            Path file = Files.write(dir.resolve("cr.csv"), bytes.toByteArray());

            assertThatThrownBy(() -> TraceReader.read(file)).hasMessage("cr.csv:4: not UTF-8 text");
        }
    }

    @Test
    void read_emptyLineBeforeAJob_namesIt() {
        String text = TraceReader.HEADER + "\n0,m1,1,2,0\n\n1,m1,1,2,0\n";

        assertThatThrownBy(() -> TraceReader.read("t.csv", new StringReader(text)))
                .isInstanceOf(MalformedTraceException.class)
                .hasMessage("t.csv:3: blank line before the last job");
    }

    @Test
    void read_arrivalGoesBack_namesLine() {
        assertThatThrownBy(() -> TestTraces.inline("10,m1,5,1,0", "10,m2,5,1,0", "9,m1,5,1,0"))
                .hasRootCauseMessage("inline.csv:4: arrival_ms goes back in time: 9 after 10");
    }

    @Test
    void read_wrongHeader_namesLineOne() {
        assertThatThrownBy(() -> TraceReader.read("t.csv", new StringReader("arrival,model\n0,m1,1,1,0\n")))
                .isInstanceOf(MalformedTraceException.class)
                .hasMessage("t.csv:1: expected the header 'arrival_ms,model,load_ms,process_ms,priority', "
                        + "found 'arrival,model'");
    }

    @Test
    void read_emptyFileOrNoRows_rejected() {
        assertThatThrownBy(() -> TraceReader.read("e.csv", new StringReader("")))
                .isInstanceOf(MalformedTraceException.class)
                .hasMessageStartingWith("e.csv: empty file");
        assertThatThrownBy(() -> TraceReader.read("h.csv", new StringReader(TraceReader.HEADER + "\n")))
                .isInstanceOf(MalformedTraceException.class)
                .hasMessage("h.csv: no jobs after the header");
    }

    @Test
    void read_timesBeyondSimulatedRange_rejected() {
        // 9e12 ms is the limit: the dispatcher's nanosecond clock must hold arrival plus all costs
        assertThatThrownBy(() -> TestTraces.inline("8000000000000,m1,600000000000,400000000001,0"))
                .hasRootCauseMessage("inline.csv:2: arrivals plus job costs exceed 9000000000000 ms, "
                        + "more than a simulation can represent");
        assertThatThrownBy(() -> TestTraces.inline("0,m1,99999999999999999999,1,0"))
                .hasRootCauseMessage("inline.csv:2: load_ms is larger than 9000000000000: '99999999999999999999'");
    }
}
