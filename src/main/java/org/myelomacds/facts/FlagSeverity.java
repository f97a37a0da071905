package org.myelomacds.facts;

public enum FlagSeverity { INFO, WARNING, CRITICAL }
