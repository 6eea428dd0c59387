package org.antifraud.cc.service.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.Arrays;

import org.antifraud.cc.domain.ReadLimits;
import org.junit.jupiter.api.Test;

/** The counting under the parser: real files pass whatever their quoting, a long cell or line is caught where it is. */
class LimitedInputTest {
    private static final ReadLimits SMALL = new ReadLimits(1 << 20, 16, 40, 100);

    private static String readAll(String text, ReadLimits limits) throws IOException {
        try (Reader r = LimitedInput.text(new StringReader(text), limits)) {
            StringBuilder b = new StringBuilder();
            char[] buf = new char[3]; // small reads: the state must carry over between them
            int n;
            while ((n = r.read(buf, 0, buf.length)) > 0) {
                b.append(buf, 0, n);
            }
            return b.toString();
        }
    }

    @Test
    void quotedCommasLineBreaksAndDoubledQuotesAreOneCellAndShortCellsPass() throws IOException {
        String text = "a,\"x,\"\"y\"\"\r\nz\",b\r\n1,2,3\r\n";
        assertThat(readAll(text, SMALL)).isEqualTo(text);
    }

    @Test
    void aStrayQuoteInsideAnUnquotedCellDoesNotOpenQuotes() throws IOException {
        String text = "5\" tv,b\nc,d\ne,f\ng,h\n";
        assertThat(readAll(text, SMALL)).isEqualTo(text);
    }

    @Test
    void aLongCellIsCaughtOnTheLineItsRowStartsOnEvenAcrossLineBreaks() {
        String text = "h1,h2\r\na,b\r\n\"1234\n5678\n90abcdef\",c\r\n";
        assertThatThrownBy(() -> readAll(text, SMALL)).isInstanceOfSatisfying(LimitedInput.Exceeded.class, e -> {
            assertThat(e.what()).isEqualTo(LimitedInput.Exceeded.What.CELL);
            assertThat(e.line()).isEqualTo(3);
        });
    }

    @Test
    void aLongLineOfShortCellsIsCaughtOnItsLine() {
        String text = "a\nb\n" + "x,".repeat(30) + "\n";
        assertThatThrownBy(() -> readAll(text, SMALL)).isInstanceOfSatisfying(LimitedInput.Exceeded.class, e -> {
            assertThat(e.what()).isEqualTo(LimitedInput.Exceeded.What.LINE);
            assertThat(e.line()).isEqualTo(3);
        });
    }

    @Test
    void theBytesOfTheFileAreCountedUnderTheDecoder() {
        byte[] big = new byte[2048];
        Arrays.fill(big, (byte) '\n');
        assertThatThrownBy(() -> LimitedInput.bytes(new ByteArrayInputStream(big), 1024).readAllBytes())
                .isInstanceOf(LimitedInput.Exceeded.class);
    }
}
