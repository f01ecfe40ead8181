package com.outcomedesk;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package layering written down as rules. The desktop app ({@code ui}) and the command line ({@code cli}) sit on
 * top of the engine, and so does the HTTP server ({@code server}), which only the command line starts; the two share
 * their JSON documents ({@code documents}); benchmarks
 * ({@code bench}) sit beside them and only the command line runs them; the store knows
 * nothing of ours but the outcome categories; no two packages need each other.
 */
class ArchitectureTest {
    private static final String ROOT = "com.outcomedesk";
    private static final String UI = ROOT + ".ui..", CLI = ROOT + ".cli..", BENCH = ROOT + ".bench..";
    private static final String SERVER = ROOT + ".server..";
    private static final String LAUNCHER = Launcher.class.getName();
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    @Test
    void nothingOutsideTheDesktopAppDependsOnIt() {
        noClasses().that().resideOutsideOfPackage(UI).and().doNotHaveFullyQualifiedName(LAUNCHER)
                .should().dependOnClassesThat().resideInAPackage(UI)
                .because("only the launcher starts the desktop app").check(MAIN);
    }

    @Test
    void nothingOutsideTheCommandLineDependsOnIt() {
        noClasses().that().resideOutsideOfPackage(CLI).and().doNotHaveFullyQualifiedName(LAUNCHER)
                .should().dependOnClassesThat().resideInAPackage(CLI)
                .because("only the launcher starts the command line").check(MAIN);
    }

    @Test
    void onlyTheCommandLineStartsTheServer() {
        noClasses().that().resideOutsideOfPackages(SERVER, CLI, BENCH)
                .should().dependOnClassesThat().resideInAPackage(SERVER)
                .because("the server sits on the engine; only the serve command (and bench-serve, on a throwaway store) "
                        + "starts it").check(MAIN);
    }

    @Test
    void theJsonDocumentsServeOnlyTheCommandLineAndTheServer() {
        noClasses().that().resideOutsideOfPackages(CLI, SERVER, ROOT + ".documents..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".documents..")
                .because("the engine returns records; how they read as JSON is the front doors' business").check(MAIN);
    }

    @Test
    void onlyTheCommandLineRunsBenchmarks() {
        noClasses().that().resideOutsideOfPackages(CLI, BENCH)
                .should().dependOnClassesThat().resideInAPackage(BENCH).check(MAIN);
    }

    @Test
    void theEngineNeverDependsOnTheDesktopAppTheCommandLineOrBenchmarks() {
        noClasses().that().resideOutsideOfPackages(UI, CLI, BENCH).and().doNotHaveFullyQualifiedName(LAUNCHER)
                .should().dependOnClassesThat().resideInAnyPackage(UI, CLI, BENCH).check(MAIN);
    }

    @Test
    void theStoreDependsOnNothingOfOursButOutcomes() {
        noClasses().that().resideInAPackage(ROOT + ".store..")
                .should().dependOnClassesThat(resideInAPackage(ROOT + "..")
                        .and(not(resideInAnyPackage(ROOT + ".store..", ROOT + ".outcome.."))))
                .check(MAIN);
    }

    @Test
    void theEngineLeavesItsSqlToTheStoresRepositories() {
        noClasses().that().resideInAnyPackage(ROOT + ".appointments..", ROOT + ".transfer..", ROOT + ".learn..",
                        ROOT + ".insight..", ROOT + ".security..", ROOT + ".audit..", ROOT + ".backup..", ROOT + ".engine..",
                        ROOT + ".monitor..", ROOT + ".settings..", ROOT + ".retrain..")
                .should().dependOnClassesThat().belongToAnyOf(java.sql.Statement.class, java.sql.PreparedStatement.class,
                        java.sql.ResultSet.class, java.sql.DriverManager.class)
                .orShould().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.jdbi..")
                .because("their SQL lives in the store's repositories; only sync's protocol code speaks SQL itself")
                .check(MAIN);
    }

    @Test
    void theAppointmentEntitiesStayInTheStoreAndTheServicesThatEditThem() {
        noClasses().that().resideOutsideOfPackages(ROOT + ".store..", ROOT + ".appointments..")
                .should().dependOnClassesThat().belongToAnyOf(com.outcomedesk.store.Appointment.class,
                        com.outcomedesk.store.Doctor.class, com.outcomedesk.store.OutcomeMapping.class)
                .because("callers read StoredAppointment and StoredOutcomeMapping records").check(MAIN);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void everyPackageSaysItsJobInPackageInfo() throws IOException {
        Path sources = Path.of("src/main/java");
        List<Path> packages;
        try (Stream<Path> dirs = Files.walk(sources)) {
            packages = dirs.filter(Files::isDirectory).filter(ArchitectureTest::holdsJavaFiles).toList();
        }
        assertThat(packages).isNotEmpty();
        assertThat(packages).allSatisfy(dir -> assertThat(dir.resolve("package-info.java")).exists());
    }

    private static boolean holdsJavaFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
