package org.antifraud.cc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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
    static final ArchRule slf4jOnly = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("java.util.logging..", "org.apache.log4j..", "org.apache.logging.log4j..",
                    "ch.qos.logback..")
            .because("logging goes through SLF4J");
}
