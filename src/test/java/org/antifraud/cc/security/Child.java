package org.antifraud.cc.security;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.antifraud.cc.Processes;
import org.antifraud.cc.app.Main;

/**
 * {@code Main} in a JVM of its own, as a user runs it: the product's class path (its own logback.xml), stderr to a
 * file the test reads while it runs; the caller waits for it with a limit. The key folder comes from
 * {@code CC_CONFIG_DIR}, inherited from the build.
 */
final class Child {
    private Child() {
    }

    static Process start(Path workDir, Path stderr, String... args) throws IOException {
        Path javaTmp = Files.createDirectories(workDir.resolve("java-tmp"));
        List<String> command = new ArrayList<>(List.of(
                Processes.JAVA, Processes.QUICK_JIT, Processes.SMALL_GC,
                "--enable-native-access=ALL-UNNAMED", "-Dfile.encoding=UTF-8", "-Djava.io.tmpdir=" + javaTmp,
                "-cp", productClasspath(), Main.class.getName()));
        String config = System.getProperty("cc.config.dir");
        if (config != null) {
            command.add(4, "-Dcc.config.dir=" + config);
        }
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile());
        builder.environment().remove("DISPLAY");
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    private static String productClasspath() {
        try {
            Path testClasses = Path.of(Child.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                    .filter(entry -> !Path.of(entry).toAbsolutePath().equals(testClasses.toAbsolutePath()))
                    .collect(Collectors.joining(File.pathSeparator));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
