package org.antifraud.cc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;

/**
 * {@code ./mvnw test} stays quick: every test class that opens a database, starts a child JVM or uses the JavaFX
 * toolkit (itself or through the test helpers it uses) is an {@link IntegrationTest}, which only {@code verify} runs.
 */
class TestKindsTest {
    /** What makes a test slow, by the class it uses: a database, another process, the FX toolkit. */
    private static boolean expensive(JavaClass target) {
        String name = target.getName();
        return name.equals("org.antifraud.cc.persistence.Database")
                || name.equals("org.antifraud.cc.app.AppServices")
                || name.equals("org.antifraud.cc.app.cli.CommandCenterCli")
                || name.equals("org.antifraud.cc.app.Main")
                || name.equals("java.sql.DriverManager")
                || name.equals("java.lang.ProcessBuilder")
                || name.equals("java.lang.Process")
                || name.equals("javafx.application.Platform")
                || name.equals("javafx.scene.Scene")
                || name.startsWith("javafx.stage.")
                || name.startsWith("org.testfx.");
    }

    @Test
    void everyTestThatOpensADatabaseStartsAProcessOrUsesTheToolkitIsAnIntegrationTest() {
        JavaClasses tests = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("org.antifraud.cc");
        Set<String> untagged = new TreeSet<>();
        int unit = 0;
        for (JavaClass test : tests) {
            if (!isTestClass(test)) {
                continue;
            }
            String reason = expensiveUse(test, tests);
            if (reason != null && !test.reflect().isAnnotationPresent(IntegrationTest.class)) {
                untagged.add(test.getName() + " (" + reason + ")");
            } else if (reason == null) {
                unit++;
            }
        }
        assertThat(untagged).as("test classes to mark @IntegrationTest").isEmpty();
        assertThat(unit).as("unit tests found at all").isGreaterThan(10);
    }

    private static boolean isTestClass(JavaClass c) {
        return c.isTopLevelClass() && !c.getModifiers().contains(JavaModifier.ABSTRACT)
                && (c.getSimpleName().endsWith("Test") || c.getSimpleName().endsWith("Properties"));
    }

    /** The first expensive class that {@code test}, its superclasses or the test helpers they use depend on. */
    private static String expensiveUse(JavaClass test, JavaClasses testCode) {
        Deque<JavaClass> todo = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        todo.add(test);
        while (!todo.isEmpty()) {
            JavaClass c = todo.poll();
            if (!seen.add(c.getName())) {
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass();
                if (expensive(target)) {
                    return c.getSimpleName() + " uses " + target.getName();
                }
                if (testCode.contain(target.getName())) {
                    todo.add(testCode.get(target.getName()));
                }
            }
        }
        return null;
    }
}
