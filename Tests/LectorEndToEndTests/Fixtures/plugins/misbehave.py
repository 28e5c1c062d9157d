#!/usr/bin/env python3
"""A Lector exec plugin for tests that misbehaves on purpose, per its `mode` option:

crash3   exits on every 3rd request this process receives
exit2    exits cleanly (status 0) after answering its 2nd document, before reading another
hang     never answers a document whose text contains HANG (says "hanging" on stderr first)
garbage  writes a line that is not JSON for a document whose text contains GARBAGE
hog      allocates 2 GB for a document whose text contains HOG (run it with memory_limit)
undeclared  returns a field it did not declare
Otherwise it answers {"echo": {"chars": N}}.
"""
import json
import os
import sys
import time

hello = json.loads(sys.stdin.readline())
mode = hello.get("options", {}).get("mode", "")
name = hello["name"]
print(json.dumps({"lector_plugin": 1, "name": name, "version": "0.0.1", "adds": [name]}), flush=True)
seen = 0
for line in sys.stdin:
    seen += 1
    request = json.loads(line)
    text = request["document"]["text"]
    if mode == "crash3" and seen % 3 == 0:
        os._exit(3)
    if mode == "hang" and "HANG" in text:
        print("misbehave: hanging", file=sys.stderr, flush=True)
        time.sleep(3600)
    if mode == "garbage" and "GARBAGE" in text:
        print("this is not json {", flush=True)
        continue
    if mode == "hog" and "HOG" in text:
        hog = bytearray(2 * 1024 * 1024 * 1024)
    fields = {name: {"chars": len(text)}}
    if mode == "undeclared":
        fields["other"] = 1
    print(json.dumps({"id": request["id"], "fields": fields}), flush=True)
    if mode == "exit2" and seen == 2:
        sys.exit(0)
