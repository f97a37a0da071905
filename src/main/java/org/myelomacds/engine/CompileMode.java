package org.myelomacds.engine;

/**
 * DRL: the classic interpreted compile, used at run time for authoring and hot reload (precise file:line errors).
 * EXECUTABLE_MODEL: DRL translated to Java at build time, shipped in the jar, loaded without compiling DRL.
 */
public enum CompileMode { DRL, EXECUTABLE_MODEL }
