package io.qaexport.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The layering the design card fixes. Rules name package patterns, never adapter names, so a new
 * adapter module is covered as soon as the CLI module depends on it.
 */
@AnalyzeClasses(packages = "io.qaexport", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final String DOMAIN = "io.qaexport.domain..";
  private static final String APPLICATION = "io.qaexport.application..";
  private static final String ADAPTERS = "io.qaexport.adapter..";
  private static final String BOOTSTRAP = "io.qaexport.bootstrap..";

  @ArchTest
  static final ArchRule coreDependsOnTheJdkAndItselfOnly =
      classes()
          .that()
          .resideInAnyPackage(DOMAIN, APPLICATION)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", DOMAIN, APPLICATION)
          .because("core is the pure domain: no adapter, no framework, no library");

  @ArchTest
  static final ArchRule theDomainKnowsNothingOfTheApplication =
      noClasses()
          .that()
          .resideInAPackage(DOMAIN)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(APPLICATION);

  @ArchTest
  static final ArchRule ringsAreOnlyAccessedFromOutside =
      layeredArchitecture()
          .consideringAllDependencies()
          .layer("Domain")
          .definedBy(DOMAIN)
          .layer("Application")
          .definedBy(APPLICATION)
          .layer("Adapters")
          .definedBy(ADAPTERS)
          .layer("Bootstrap")
          .definedBy(BOOTSTRAP)
          .whereLayer("Bootstrap")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("Adapters")
          .mayOnlyBeAccessedByLayers("Bootstrap")
          .whereLayer("Application")
          .mayOnlyBeAccessedByLayers("Adapters", "Bootstrap")
          .whereLayer("Domain")
          .mayOnlyBeAccessedByLayers("Application", "Adapters", "Bootstrap");

  @ArchTest
  static final ArchRule adaptersNeverDependOnEachOther =
      slices()
          .matching("io.qaexport.adapter.(*).(*)..")
          .namingSlices("adapter $1.$2")
          .should()
          .notDependOnEachOther();

  @ArchTest
  static final ArchRule adaptersUsePortsNotTheServiceImplementation =
      noClasses()
          .that()
          .resideInAPackage(ADAPTERS)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.qaexport.application.service..");

  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("io.qaexport.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule theCommitDependsOnNothingElseOfTheService =
      noClasses()
          .that()
          .resideInAPackage("io.qaexport.application.service.commit..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.qaexport.application.service",
              "io.qaexport.application.service.stage..",
              "io.qaexport.application.service.files..")
          .because("the commit protocol is one room: the transaction, journal, lock, identity");

  @ArchTest
  static final ArchRule theDedupAlgorithmsArePure =
      classes()
          .that()
          .resideInAPackage("io.qaexport.domain.dedup..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "io.qaexport.domain..")
          .because("the dedup algorithms are tested on their own, against brute force");

  @ArchTest
  static final ArchRule noPackageHoldsMoreThanFifteenClasses =
      classes()
          .should(
              new ArchCondition<JavaClass>("be in a package of at most 15 classes") {
                @Override
                public void check(JavaClass item, ConditionEvents events) {
                  long size =
                      item.getPackage().getClasses().stream()
                          // an array of a class (Matcher[]) is no class of the room
                          .filter(c -> c.isTopLevelClass() && !c.isArray())
                          .count();
                  if (item.isTopLevelClass() && size > 15) {
                    events.add(
                        SimpleConditionEvent.violated(
                            item, item.getPackageName() + " holds " + size + " classes"));
                  }
                }
              })
          .because("a room a newcomer can read holds at most 15 classes");

  @ArchTest
  static final ArchRule onlyTheCompositionRootKnowsTheComponent =
      classes()
          .that()
          .areAnnotatedWith(dagger.Component.class)
          .or()
          .haveSimpleNameStartingWith("Dagger")
          .should()
          .resideInAPackage(BOOTSTRAP)
          .andShould()
          .onlyBeAccessed()
          .byClassesThat()
          .resideInAPackage(BOOTSTRAP);

  @ArchTest
  static final ArchRule onlyTheCommandLineEdgePrints =
      noClasses()
          .that()
          .resideOutsideOfPackages("io.qaexport.adapter.in.cli..", BOOTSTRAP)
          .should(ACCESS_STANDARD_STREAMS);
}
