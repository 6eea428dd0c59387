package org.antifraud.cc.ui.common;

import java.util.Objects;
import java.util.function.Supplier;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a cheap data-version token off the FX thread and runs {@code onChange} (on the FX thread)
 * when it differs from the last one seen: the dashboard follows writes by this window, the CLI, or
 * another workstation on the same database file within about a second.
 */
public final class LiveRefresh {
    private static final Logger LOG = LoggerFactory.getLogger(LiveRefresh.class);

    private final Supplier<String> version;
    private final UiExecutor executor;
    private final Runnable onChange;
    private Timeline timeline;
    private String lastSeen;
    private boolean polling;
    private boolean failing;

    /** @param version read off the FX thread; must be cheap */
    public LiveRefresh(Supplier<String> version, UiExecutor executor, Runnable onChange) {
        this.version = version;
        this.executor = executor;
        this.onChange = onChange;
    }

    /** One poll; skipped while the previous one is still running. */
    public void poll() {
        if (polling) {
            return;
        }
        polling = true;
        executor.run(version::get, now -> {
            polling = false;
            if (failing) {
                failing = false;
                LOG.info("the database answers again");
            }
            if (lastSeen != null && !Objects.equals(lastSeen, now)) {
                onChange.run();
            }
            lastSeen = now;
        }, error -> {
            polling = false;
            if (!failing) {
                LOG.warn("live refresh cannot read the database; will keep trying", error);
                failing = true;
            }
        });
    }

    /** Starts polling on the FX thread's clock. */
    public void start(Duration interval) {
        stop();
        poll();
        timeline = new Timeline(new KeyFrame(interval, e -> poll()));
        timeline.setCycleCount(Animation.INDEFINITE);
        timeline.play();
    }

    public void stop() {
        if (timeline != null) {
            timeline.stop();
            timeline = null;
        }
    }
}
