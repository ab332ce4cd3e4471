# Makes the warning variants of big.json: an unknown field in every 10th role,
# or a technology listed twice in every 10th role.
import json, sys
src = sys.argv[1]
ds = json.load(open(src))
unknown = json.loads(json.dumps(ds))
for i, r in enumerate(unknown["roles"]):
    if i % 10 == 0:
        r["responsibilites"] = ["typo"]
json.dump(unknown, open(src.replace(".json", "-unknown.json"), "w"))
dup = ds
for i, r in enumerate(dup["roles"]):
    if i % 10 == 0:
        g = next(iter(r["stack"].values()))
        first = g[0]
        g.append(first if isinstance(first, str) else first["name"])
json.dump(dup, open(src.replace(".json", "-dup.json"), "w"))
