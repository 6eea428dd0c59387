package org.antifraud.cc.ui.briefing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

import org.antifraud.cc.domain.Problem;
import org.antifraud.cc.service.briefing.Deck;
import org.antifraud.cc.service.briefing.SlidePalette;

/** Slides as pictures and on paper: what needs the JavaFX toolkit, behind an interface the ViewModel can be tested with. */
public interface SlideOutput {

    /**
     * Writes every slide as a 1920 × 1080 PNG beside {@code base} (FILE-01.png …). Blocking: called off the FX thread.
     * {@code progress} hears 0..1 from any thread; a {@link java.util.concurrent.CancellationException} when
     * {@code cancelled} turns true (the files written so far stay).
     */
    List<Path> writePngs(Deck deck, SlidePalette palette, Path base, DoubleConsumer progress, BooleanSupplier cancelled)
            throws IOException, InterruptedException;

    /** Shows the print dialog (FX thread): a job to print with, or empty when the user backs out. */
    Optional<PrintJob> beginPrint(String title);

    /** A print job the user confirmed. */
    interface PrintJob {
        /** Prints slide {@code index} as one landscape page; any thread. False when the printer refused it. */
        boolean print(Deck deck, int index, SlidePalette palette);

        void end();

        void cancel();
    }

    /** No printer is installed: a {@link org.antifraud.cc.domain.Problem} the page shows. */
    final class NoPrinter extends Problem {
        private static final long serialVersionUID = 1L;

        public NoPrinter() {
            super("no_printer", "no printer is installed");
        }
    }
}
