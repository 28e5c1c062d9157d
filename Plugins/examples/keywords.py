#!/usr/bin/env python3
"""Lector exec plugin: the article's keywords, by term frequency against a stop list.

Protocol 1 (see Plugins/README.md): read Lector's hello line, answer with a handshake,
then answer one line per request, flushing each. Options: `count` (default 8).
"""
import json
import re
import sys
from collections import Counter

STOP = set("""a about above after again against all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it its
itself just me more most my myself no nor not now of off on once only or other our ours ourselves
out over own said same she should so some such than that the their theirs them themselves then
there these they this those through to too under until up very was we were what when where which
while who whom why will with would you your yours yourself yourselves mr mrs ms one two new also
says say year years last first would could may might must shall told people""".split())
WORD = re.compile(r"[^\W\d_][\w'-]*[^\W_]|[^\W\d_]", re.UNICODE)


def keywords(text, count):
    words = [w.lower() for w in WORD.findall(text)]
    counts = Counter(w for w in words if len(w) > 2 and w not in STOP)
    return [{"word": word, "count": n} for word, n in counts.most_common(count)]


def main():
    hello = json.loads(sys.stdin.readline() or "{}")
    count = int(hello.get("options", {}).get("count", 8))
    print(json.dumps({"lector_plugin": 1, "name": hello.get("name", "keywords"), "version": "1.0.0",
                      "adds": [hello.get("name", "keywords")]}), flush=True)
    name = hello.get("name", "keywords")
    for line in sys.stdin:
        request = json.loads(line)
        document = request["document"]
        reply = {"id": request["id"], "fields": {name: keywords(document.get("text", ""), count)}}
        if not document.get("text", "").strip():
            reply["warnings"] = ["empty text: no keywords"]
        sys.stdout.write(json.dumps(reply, ensure_ascii=False) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
