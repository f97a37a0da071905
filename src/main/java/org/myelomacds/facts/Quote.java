package org.myelomacds.facts;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.stream.Collectors;

/** How facts are quoted in rule text: value, unit, date and source, always in the same shape. */
public final class Quote {
    private static final ThreadLocal<DecimalFormat> NUMBER =
            ThreadLocal.withInitial(() -> new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)));

    private Quote() {}

    public static String number(double value) { return NUMBER.get().format(value); }

    public static String measurement(Measurement m) {
        StringBuilder b = new StringBuilder(label(m.getKind())).append(' ');
        if (m.getValue() != null) {
            if (m.getTextValue() != null && m.getTextValue().matches("[<>]=?.*")) b.append(m.getTextValue());
            else b.append(number(m.getValue()));
            if (m.getUnit() != null) b.append(' ').append(m.getUnit());
        } else {
            b.append(m.getTextValue());
        }
        if (m.getMethod() != null) b.append(" (").append(m.getMethod()).append(')');
        if (m.getEffective() != null) b.append(m.isDateImprecise() ? " in " : " on ").append(m.getDateText());
        if (!m.getProvenance().isEmpty()) {
            b.append(", ").append(m.getProvenance().stream().map(Provenance::getReference).collect(Collectors.joining(", ")));
        }
        return b.toString();
    }

    public static String label(MeasurementKind kind) {
        return switch (kind) {
            case EGFR -> "eGFR";
            case CREATININE_CLEARANCE -> "Creatinine clearance";
            case SERUM_CREATININE -> "Serum creatinine";
            case BODY_WEIGHT -> "Weight";
            case BODY_HEIGHT -> "Height";
            case FEV1 -> "FEV1";
            case FEV1_PERCENT_PREDICTED -> "FEV1 % predicted";
            case ECOG -> "ECOG performance status";
            case KARNOFSKY -> "Karnofsky score";
            case LVEF -> "LVEF";
            case HBSAG -> "HBsAg";
            case ANTI_HBC -> "Anti-HBc";
            case HBV_DNA -> "HBV DNA";
            case ABO_RH_GROUP -> "ABO/Rh group";
            case ABO_GROUP -> "ABO group";
            case RH_TYPE -> "Rh type";
            case ANTIBODY_SCREEN -> "Antibody screen";
            case SERUM_M_PROTEIN -> "Serum M-protein";
            case FREE_KAPPA -> "Free kappa";
            case FREE_LAMBDA -> "Free lambda";
            case FREE_LIGHT_CHAIN_RATIO -> "Free light-chain ratio";
            case SERUM_IMMUNOFIXATION -> "Serum immunofixation";
            case PREGNANCY_STATUS -> "Pregnancy status";
        };
    }
}
