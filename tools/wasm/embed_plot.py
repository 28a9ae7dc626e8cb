#!/usr/bin/env python3
"""EXPERIMENT ONLY: rewrites copies of Sources/Plot/*.swift so that Embedded Swift accepts them,
the three changes Plot itself needs (the next session makes them in Plot, where they build natively
too, and deletes this script):

1. key paths (`map(\\.count)`) become closures (`map { $0.count }`): Embedded Swift has no key paths;
2. `Dictionary(zip(keys, values), uniquingKeysWith: { _, last in last })` and
   `Dictionary(uniqueKeysWithValues: pairs)` become loops (`lastValueByKey`): both initializers cast
   dynamically inside, which Embedded Swift cannot;
3. SVG attributes are `(String, String)` pairs with the value written by `attributeText(...)` (a Double
   through formatNumber, an Int as digits, a String escaped) instead of `(String, any AttributeValue)`:
   Embedded Swift has no existentials of non-class protocols.

usage: embed_plot.py SOURCE_DIR TARGET_DIR  (FigureSink.swift is skipped: the build script replaces it)
"""
import os
import re
import sys

HELPERS = '''

/// The SVG text of an attribute value: a number through `formatNumber`, text escaped.
func attributeText(_ value: Double) -> String { formatNumber(value) }
func attributeText(_ value: Int) -> String { String(value) }
func attributeText(_ value: String) -> String { escapeXML(value) }

/// A dictionary from pairs, the last value winning for a repeated key.
func lastValueByKey<K: Hashable, V>(_ pairs: [(K, V)]) -> [K: V] {
    var result: [K: V] = [:]
    for (key, value) in pairs { result[key] = value }
    return result
}
'''


def wrap_attribute_values(text):
    """("name", VALUE) -> ("name", attributeText(VALUE)) for every attribute-like tuple."""
    out, i = [], 0
    pattern = re.compile(r'(?:(?<=\[)|(?<=\s)|(?<=append\())\("([a-z][a-z0-9-]*)", ')
    while True:
        m = pattern.search(text, i)
        if not m:
            out.append(text[i:])
            return ''.join(out)
        out.append(text[i:m.end()])
        depth, j = 1, m.end()
        in_string = False
        while depth > 0:
            c = text[j]
            if c == '"' and text[j - 1] != '\\':
                in_string = not in_string
            elif not in_string and c == '(':
                depth += 1
            elif not in_string and c == ')':
                depth -= 1
            j += 1
        value = text[m.end():j - 1]
        out.append(f'attributeText({value}))')
        i = j


def transform(name, text):
    text = re.sub(r'\(\\\.([A-Za-z_.]+)\)', r' { $0.\1 }', text)
    text = re.sub(r'Dictionary\(zip\((.*?)\),\s*uniquingKeysWith: \{ _, last in last \}\)',
                  r'lastValueByKey(Array(zip(\1)))', text, flags=re.S)
    text = re.sub(r'Dictionary\(uniqueKeysWithValues: (.*)\)$', r'lastValueByKey(\1)', text, flags=re.M)
    if name == 'SVGWriter.swift':
        text = text.replace('typealias Attributes = [(String, any AttributeValue)]',
                            'typealias Attributes = [(String, String)]')
        text = text.replace('value.attributeText', 'value')
        text = re.sub(r'/// A value an SVG attribute can hold.*?\n\n', '', text, flags=re.S)
        text = re.sub(r'^extension (Double|Int|String): AttributeValue.*\n', '', text, flags=re.M)
        text += HELPERS
    return wrap_attribute_values(text)


def main():
    source, target = sys.argv[1], sys.argv[2]
    os.makedirs(target, exist_ok=True)
    for name in sorted(os.listdir(source)):
        if not name.endswith('.swift') or name == 'FigureSink.swift':
            continue
        with open(os.path.join(source, name), encoding='utf-8') as f:
            text = f.read()
        with open(os.path.join(target, name), 'w', encoding='utf-8') as f:
            f.write(transform(name, text))


main()
