package dev.engram.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rule of architecture.md: a framework-free core, adapters that never meet. */
class DependencyRuleTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.engram");
    }

    @Test
    void coreImportsOnlyTheJdkAndSlf4j() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.engram.core..")
                .should().dependOnClassesThat().resideOutsideOfPackages(
                        "dev.engram.core..", "java..", "org.slf4j..");
        rule.check(classes);
    }

    @Test
    void coreDoesNotUseJdbcOrHttp() {
        noClasses().that().resideInAPackage("dev.engram.core..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "java.net.http..",
                        "com.sun.net.httpserver..", "java.awt..", "javax.swing..")
                .check(classes);
    }

    @Test
    void coreDoesNotDependOnAdaptersOrTheApp() {
        noClasses().that().resideInAPackage("dev.engram.core..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.engram.store..", "dev.engram.llm..",
                        "dev.engram.api..", "dev.engram.cli..", "dev.engram.ui..", "dev.engram.app..",
                        "dev.engram.transfer..")
                .check(classes);
    }

    @Test
    void adaptersNeverDependOnEachOtherOrOnTheApp() {
        List<String> adapters = List.of("dev.engram.store.neo4j..", "dev.engram.store.h2..", "dev.engram.llm..",
                "dev.engram.api..", "dev.engram.cli..", "dev.engram.ui..", "dev.engram.bench..", "dev.engram.transfer..");
        for (String adapter : adapters) {
            List<String> forbidden = new ArrayList<>(adapters);
            forbidden.remove(adapter);
            forbidden.add("dev.engram.app..");
            noClasses().that().resideInAPackage(adapter)
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @Test
    void noAdapterTypesOfStoragesLeakOutOfTheirAdapter() {
        noClasses().that().resideOutsideOfPackages("dev.engram.store.neo4j..")
                .should().dependOnClassesThat().resideInAnyPackage("org.neo4j..")
                .check(classes);
        noClasses().that().resideOutsideOfPackages("dev.engram.store.h2..")
                .should().dependOnClassesThat().resideInAnyPackage("org.h2..", "org.flywaydb..", "java.sql..")
                .check(classes);
        noClasses().that().resideOutsideOfPackages("dev.engram.llm..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.langchain4j..")
                .check(classes);
    }
}
