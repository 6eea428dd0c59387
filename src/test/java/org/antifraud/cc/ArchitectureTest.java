package org.antifraud.cc;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of STYLE.md: ui → service → persistence → domain, domain depends on nothing. */
@AnalyzeClasses(packages = "org.antifraud.cc", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainKnowsNoFrameworks = noClasses().that().resideInAPackage("..cc.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jooq..", "org.h2..", "org.flywaydb..",
                    "org.antifraud.cc.ui..", "org.antifraud.cc.service..", "org.antifraud.cc.persistence..",
                    "org.antifraud.cc.app..");

    @ArchTest
    static final ArchRule uiSeesNoDatabase = noClasses().that().resideInAPackage("..cc.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "org.h2..", "org.flywaydb..",
                    "org.antifraud.cc.persistence..", "org.antifraud.cc.app..");

    @ArchTest
    static final ArchRule serviceKnowsNoUi = noClasses().that().resideInAPackage("..cc.service..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.antifraud.cc.ui..",
                    "org.antifraud.cc.app..");

    @ArchTest
    static final ArchRule serviceUsesNoSqlDirectly = noClasses().that().resideInAPackage("..cc.service..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..", "org.h2..");

    @ArchTest
    static final ArchRule persistenceKnowsNoUpperLayer = noClasses().that().resideInAPackage("..cc.persistence..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.antifraud.cc.ui..",
                    "org.antifraud.cc.service..", "org.antifraud.cc.app..");

    @ArchTest
    static final ArchRule nothingPrintsButTheCliEntry = noClasses()
            .that().doNotHaveFullyQualifiedName("org.antifraud.cc.app.Main")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .because("output goes through the CLI's writers; diagnostics go to the log");

    @ArchTest
    static final ArchRule slf4jOnly = noClasses().that().doNotHaveFullyQualifiedName(
                    "org.antifraud.cc.app.cli.LogConfiguration")
            .should().dependOnClassesThat()
            .resideInAnyPackage("java.util.logging..", "org.apache.log4j..", "org.apache.logging.log4j..",
                    "ch.qos.logback..")
            .because("logging goes through SLF4J; LogConfiguration alone sets Logback up (ADR 0010)");

    @ArchTest
    static final ArchRule everyServiceLivesInAFeature = noClasses().should().resideInAPackage("org.antifraud.cc.service")
            .because("service/ is grouped by feature: figures, records, dataset, exchange, audit, backup, alerts,"
                    + " briefing, csv");

    @ArchTest
    static final ArchRule serviceFeaturesHaveNoCycles = slices().matching("org.antifraud.cc.service.(*)..")
            .should().beFreeOfCycles()
            .because("a feature is changed without touching the ones it does not use");

    @ArchTest
    static final ArchRule uiFeaturesStandAlone = slices().matching("org.antifraud.cc.ui.(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(resideInAPackage("org.antifraud.cc.ui.shell.."), alwaysTrue())
            .ignoreDependency(resideInAPackage("org.antifraud.cc.ui.wall.."), alwaysTrue())
            .ignoreDependency(alwaysTrue(), resideInAPackage("org.antifraud.cc.ui.common.."))
            .ignoreDependency(alwaysTrue(), resideInAPackage("org.antifraud.cc.ui.completeness.."))
            .ignoreDependency(alwaysTrue(), resideInAPackage("org.antifraud.cc.ui.drill.."))
            .because("a page shares only ui.common, the completeness panel (dashboard and wall screen) and the drill"
                    + " panel (every figure leads to what is behind it: ADR 0035); the shell hosts the pages, the wall"
                    + " screen shows their ViewModels' figures large (ADR 0036), the composition root (app) wires them");

    @ArchTest
    static final ArchRule readersAndPaintersKnowNoDatabase = noClasses()
            .that().resideInAnyPackage("..cc.service.csv..", "..cc.service.briefing..")
            .should().dependOnClassesThat().resideInAnyPackage("org.antifraud.cc.persistence..")
            .because("the CSV reader and the slide painters are pure: they take records and figures, not a database");
}
