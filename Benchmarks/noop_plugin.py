#!/usr/bin/env python3
"""An exec plugin that adds {"noop": true}: measures the cost of a round trip alone."""
import json
import sys

hello = json.loads(sys.stdin.readline())
print(json.dumps({"lector_plugin": 1, "name": hello["name"], "version": "1"}), flush=True)
for line in sys.stdin:
    request = json.loads(line)
    sys.stdout.write('{"id": %s, "fields": {"%s": true}}\n' % (json.dumps(request["id"]), hello["name"]))
    sys.stdout.flush()
