/**
 * Tools for rule authors: {@code rules validate | test | coverage | docs | diff}.
 *
 * <p>A package of its own rather than part of {@code engine}: these tools combine the engine (compile, evaluate),
 * the scenario runner, the catalogues and the FHIR reader, and {@code scenario} already depends on {@code engine};
 * putting them in {@code engine} would make the run-time engine depend on authoring concerns (YAML test cases,
 * rulebooks, the Drools DRL parser used only to locate problems). Nothing in the run-time path imports this package.
 */
package org.myelomacds.authoring;
