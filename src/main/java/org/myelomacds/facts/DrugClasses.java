package org.myelomacds.facts;

import java.util.List;

/**
 * Words for the drug classes in derived texts, and the classes a composite label names. The classes' members are data
 * (rules/terminology/drug-class-*.json); these are only how a sentence names a class.
 */
public final class DrugClasses {
    private DrugClasses() {}

    /** The classes the composite labels are written in (ClassLabel.Kind): stated as exposed or not even when not given. */
    public static final List<DrugClass> LABELLED = List.of(DrugClass.IMID, DrugClass.PROTEASOME_INHIBITOR, DrugClass.ANTI_CD38);

    public static boolean isLabelled(DrugClass c) { return LABELLED.contains(c); }

    /** "proteasome inhibitor" */
    public static String name(DrugClass c) {
        return switch (c) {
            case ANTI_CD38 -> "anti-CD38 antibody";
            case IMID -> "immunomodulatory drug (IMiD)";
            case PROTEASOME_INHIBITOR -> "proteasome inhibitor (PI)";
            case ALKYLATOR -> "alkylating agent";
            case CORTICOSTEROID -> "corticosteroid";
            case ANTI_SLAMF7 -> "anti-SLAMF7 antibody";
            case XPO1_INHIBITOR -> "XPO1 inhibitor";
            case BISPECIFIC_ANTIBODY -> "bispecific T-cell engager";
            case CAR_T -> "CAR-T cell therapy";
            case ANTIBODY_DRUG_CONJUGATE -> "antibody-drug conjugate";
            case HDAC_INHIBITOR -> "HDAC inhibitor";
            case BCL2_INHIBITOR -> "BCL-2 inhibitor";
            case ANTHRACYCLINE -> "anthracycline";
            case PLATINUM -> "platinum agent";
            case TOPOISOMERASE_INHIBITOR -> "topoisomerase inhibitor";
            case PURINE_ANALOGUE -> "purine analogue";
            case PYRIMIDINE_ANALOGUE -> "pyrimidine analogue";
            case VINCA_ALKALOID -> "vinca alkaloid";
            case OTHER -> "unclassified therapy";
        };
    }

    /** "PI", for compact lists. */
    public static String shortName(DrugClass c) {
        return switch (c) {
            case ANTI_CD38 -> "anti-CD38";
            case IMID -> "IMiD";
            case PROTEASOME_INHIBITOR -> "PI";
            default -> name(c);
        };
    }
}
