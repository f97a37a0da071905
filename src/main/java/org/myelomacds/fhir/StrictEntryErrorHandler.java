package org.myelomacds.fhir;

import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;

/**
 * Strict where a wrong shape means another FHIR version or a value we cannot trust (unknown elements, wrong JSON
 * types, invalid values); lenient where R4 content is merely incomplete (a missing required status, a contained
 * resource without id, an unresolved reference), because real R4 bundles are often like that and the mapper
 * copes. Stateless, so one instance serves every parser.
 */
final class StrictEntryErrorHandler implements IParserErrorHandler {

    private final String resourceType;

    StrictEntryErrorHandler(String resourceType) { this.resourceType = resourceType; }

    @Override
    public void unknownElement(IParseLocation location, String elementName) {
        throw new EntryParseException(EntryParseException.Kind.UNKNOWN_ELEMENT, path(location, elementName),
                "unknown element '" + elementName + "' (not part of FHIR R4 " + resourceType + ")");
    }

    @Override
    public void unknownAttribute(IParseLocation location, String attributeName) {
        throw new EntryParseException(EntryParseException.Kind.UNKNOWN_ELEMENT, path(location, attributeName),
                "unknown attribute '" + attributeName + "'");
    }

    @Override
    public void incorrectJsonType(IParseLocation location, String elementName, BaseJsonLikeValue.ValueType expected,
                                  BaseJsonLikeValue.ScalarType expectedScalar, BaseJsonLikeValue.ValueType found,
                                  BaseJsonLikeValue.ScalarType foundScalar) {
        throw new EntryParseException(EntryParseException.Kind.WRONG_JSON_TYPE, path(location, elementName),
                "expected " + describe(expected, expectedScalar) + " but found " + describe(found, foundScalar));
    }

    @Override
    public void invalidValue(IParseLocation location, String value, String error) {
        throw new EntryParseException(EntryParseException.Kind.INVALID_VALUE, path(location, null),
                "invalid value '" + value + "': " + error);
    }

    @Override
    public void unexpectedRepeatingElement(IParseLocation location, String elementName) {
        throw new EntryParseException(EntryParseException.Kind.WRONG_JSON_TYPE, path(location, elementName),
                "element '" + elementName + "' repeats but may occur only once");
    }

    @Override public void missingRequiredElement(IParseLocation location, String elementName) { }
    @Override public void containedResourceWithNoId(IParseLocation location) { }
    @Override public void unknownReference(IParseLocation location, String reference) { }
    @Override public void invalidInternalReference(IParseLocation location, String reference) { }
    @Override public void extensionContainsValueAndNestedExtensions(IParseLocation location) { }

    private String path(IParseLocation location, String elementName) {
        String parent = location == null ? null : location.getParentElementName();
        StringBuilder b = new StringBuilder(resourceType);
        if (parent != null && !parent.isEmpty() && !parent.equals(resourceType)) b.append('.').append(parent);
        if (elementName != null) b.append('.').append(elementName);
        return b.toString();
    }

    private static String describe(BaseJsonLikeValue.ValueType type, BaseJsonLikeValue.ScalarType scalar) {
        if (type == BaseJsonLikeValue.ValueType.SCALAR && scalar != null) return scalar.name().toLowerCase(java.util.Locale.ROOT);
        return type == null ? "nothing" : type.name().toLowerCase(java.util.Locale.ROOT);
    }
}
