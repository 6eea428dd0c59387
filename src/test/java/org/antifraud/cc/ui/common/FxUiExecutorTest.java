package org.antifraud.cc.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

/** The worker pool behind every ViewModel: after the window closed, a late timer tick neither runs nor throws. */
class FxUiExecutorTest {
    @Test
    void workAskedForAfterCloseIsDroppedQuietly() {
        FxUiExecutor executor = new FxUiExecutor();
        executor.close();
        AtomicBoolean ran = new AtomicBoolean();

        UiExecutor.Request request = executor.run(() -> {
            ran.set(true);
            return "version";
        }, v -> ran.set(true), e -> ran.set(true));

        assertThat(request.isCancelled()).isTrue();
        assertThat(ran).isFalse();
    }
}
