package org.antifraud.cc.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** The worker pools behind every ViewModel. */
class FxUiExecutorTest {
    /** How long a test waits for work that must finish at once; a limit against hanging, not a measurement. */
    private static final long LIMIT_SECONDS = 30;

    @Test
    void workAskedForAfterCloseIsDroppedQuietly() {
        FxUiExecutor executor = new FxUiExecutor();
        executor.close();
        AtomicBoolean ran = new AtomicBoolean();

        UiExecutor.Request request = executor.run(() -> {
            ran.set(true);
            return "version";
        }, v -> ran.set(true), e -> ran.set(true));
        UiExecutor.Request longRequest = executor.runLong(() -> {
            ran.set(true);
            return "export";
        }, v -> ran.set(true), e -> ran.set(true));

        assertThat(request.isCancelled()).isTrue();
        assertThat(longRequest.isCancelled()).isTrue();
        assertThat(ran).isFalse();
    }

    @Test
    void aQuickRequestIsAnsweredWhileLongWorkOccupiesEveryLongThreadAndOneMoreWaits() throws InterruptedException {
        FxUiExecutor executor = new FxUiExecutor(Runnable::run);
        int longJobs = FxUiExecutor.LONG_THREADS + 1; // every long thread busy, and one more export queued
        CountDownLatch longStarted = new CountDownLatch(FxUiExecutor.LONG_THREADS);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch longDone = new CountDownLatch(longJobs);
        CountDownLatch quickDone = new CountDownLatch(1);
        AtomicReference<String> answer = new AtomicReference<>();
        try {
            for (int i = 0; i < longJobs; i++) {
                executor.runLong(() -> {
                    longStarted.countDown();
                    release.await(); // a PDF export that is not finished until the test says so
                    return "pdf";
                }, pdf -> longDone.countDown(), e -> longDone.countDown());
            }
            assertThat(longStarted.await(LIMIT_SECONDS, TimeUnit.SECONDS)).as("the long work started").isTrue();

            executor.run(() -> "dashboard", figures -> {
                answer.set(figures);
                quickDone.countDown();
            }, e -> quickDone.countDown());

            assertThat(quickDone.await(LIMIT_SECONDS, TimeUnit.SECONDS))
                    .as("the dashboard refresh did not wait for the exports").isTrue();
            assertThat(answer).hasValue("dashboard");
            assertThat(longDone.getCount()).as("no export had finished meanwhile").isEqualTo(longJobs);
        } finally {
            release.countDown();
        }
        assertThat(longDone.await(LIMIT_SECONDS, TimeUnit.SECONDS)).as("the exports then finish").isTrue();
        executor.close();
    }

    @Test
    void closingLetsTheWorkRunningFinishRatherThanInterruptingIt() throws Exception {
        // an interrupt in the middle of H2's file I/O closes the database's file channel: work must end on its own
        FxUiExecutor executor = new FxUiExecutor(Runnable::run);
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean finished = new AtomicBoolean();
        executor.run(() -> {
            started.countDown();
            try {
                Thread.sleep(300);
                finished.set(true);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
            return null;
        }, r -> { }, e -> { });
        assertThat(started.await(LIMIT_SECONDS, TimeUnit.SECONDS)).isTrue();

        executor.close();

        assertThat(interrupted).as("not interrupted").isFalse();
        assertThat(finished).as("finished before close returned").isTrue();
    }
}
