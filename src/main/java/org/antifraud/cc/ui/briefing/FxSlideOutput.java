package org.antifraud.cc.ui.briefing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.print.PageLayout;
import javafx.print.PageOrientation;
import javafx.print.Paper;
import javafx.print.Printer;
import javafx.print.PrinterJob;
import javafx.scene.canvas.Canvas;
import javafx.stage.Window;

import org.antifraud.cc.service.briefing.Deck;
import org.antifraud.cc.service.briefing.SlidePainter;
import org.antifraud.cc.service.briefing.SlidePalette;
import org.antifraud.cc.service.briefing.SlideSurface;

/**
 * Pictures and paper with the JavaFX toolkit: each slide is painted on a canvas on the FX thread (a snapshot needs
 * it) and written to PNG off it; printing goes through JavaFX's print dialog, a landscape page per slide.
 */
public final class FxSlideOutput implements SlideOutput {
    private final SlidePainter painter;
    private final Supplier<Window> owner;

    public FxSlideOutput(SlidePainter painter, Supplier<Window> owner) {
        this.painter = painter;
        this.owner = owner;
    }

    @Override
    public List<Path> writePngs(Deck deck, SlidePalette palette, Path base, DoubleConsumer progress,
                                BooleanSupplier cancelled) throws IOException, InterruptedException {
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < deck.size(); i++) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("PNG export cancelled");
            }
            int index = i;
            CompletableFuture<BufferedImage> image = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    image.complete(SlideImages.render(painter, deck, index, palette));
                } catch (RuntimeException e) {
                    image.completeExceptionally(e);
                }
            });
            Path file = SlideImages.fileOf(base, i);
            try {
                SlideImages.write(image.get(), file);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
            written.add(file);
            progress.accept((i + 1.0) / deck.size());
        }
        return written;
    }

    @Override
    public Optional<PrintJob> beginPrint(String title) {
        if (Printer.getDefaultPrinter() == null && Printer.getAllPrinters().isEmpty()) {
            throw new NoPrinter();
        }
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            throw new NoPrinter();
        }
        job.getJobSettings().setJobName(title);
        if (!job.showPrintDialog(owner.get())) {
            job.cancelJob();
            return Optional.empty();
        }
        Printer printer = job.getPrinter();
        PageLayout layout = printer.createPageLayout(job.getJobSettings().getPageLayout() != null
                ? job.getJobSettings().getPageLayout().getPaper() : Paper.A4, PageOrientation.LANDSCAPE,
                Printer.MarginType.DEFAULT);
        return Optional.of(new PrintJob() {
            @Override
            public boolean print(Deck deck, int index, SlidePalette palette) {
                double w = layout.getPrintableWidth();
                double h = layout.getPrintableHeight();
                double scale = Math.min(w / SlideSurface.WIDTH, h / SlideSurface.HEIGHT);
                // a canvas not in any scene may be painted and printed off the FX thread
                Canvas canvas = new Canvas(SlideSurface.WIDTH * scale, SlideSurface.HEIGHT * scale);
                SlideView.paint(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight(), painter, deck,
                        index, palette);
                return job.printPage(layout, canvas);
            }

            @Override
            public void end() {
                job.endJob();
            }

            @Override
            public void cancel() {
                job.cancelJob();
            }
        });
    }
}
