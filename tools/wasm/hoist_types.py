#!/usr/bin/env python3
"""EXPERIMENT ONLY: moves the classes, structs and enums that examples declare (at column 0, inside the
generated examples function) to file scope, which Embedded Swift needs: across modules it refuses a
local class that conforms to a library's protocol ("cannot specialize 'LeakyReLU' because class
definition is not available"). A local type captures nothing, so moving it changes no meaning; a name
declared by two examples stays local the second time. (A tangle change could do the same.)

usage: hoist_types.py FILE OUTPUT
"""
import re
import sys

path = sys.argv[1]
lines = open(path, encoding='utf-8').read().split('\n')
start = re.compile(r'^(final class|class|struct|enum) ([A-Za-z_][A-Za-z0-9_]*)\b')
body, hoisted, seen, i = [], [], set(), 0
in_function = False
while i < len(lines):
    line = lines[i]
    if line.startswith('public func run'):
        in_function = True
    m = start.match(line) if in_function else None
    if m and m.group(2) not in seen and line.rstrip().endswith('{'):
        j = i
        while lines[j] != '}':
            j += 1
        seen.add(m.group(2))
        hoisted.extend(lines[i:j + 1])
        i = j + 1
        continue
    body.append(line)
    i += 1
# After the imports (the first line that is neither a comment nor an import).
at = next(k for k, l in enumerate(body) if l and not l.startswith('//') and not l.startswith('import '))
open(sys.argv[2], 'w', encoding='utf-8').write('\n'.join(body[:at] + hoisted + [''] + body[at:]))
