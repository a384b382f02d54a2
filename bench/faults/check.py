#!/usr/bin/env python3
"""Checks one round's requests against the database: acknowledged / lost / duplicated / partial writes, the audit
chain's verification and the errors users saw. Prints one line of JSON (and a readable line on stderr)."""
import argparse, base64, collections, json, subprocess, sys, urllib.request

def psql(args, sql):
    return subprocess.run(args + ["-c", sql], check=True, capture_output=True, text=True).stdout.split("\n")

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--requests", required=True)
    p.add_argument("--run", required=True)
    p.add_argument("--psql", required=True, help="the psql command line, quoted")
    p.add_argument("--base", required=True)
    p.add_argument("--scenario", required=True)
    a = p.parse_args()
    lines = [json.loads(l) for l in open(a.requests) if l.strip()]
    lines = [l for l in lines if l["key"].startswith(a.run + "-")]
    acked = {l["key"]: l for l in lines if l["status"] in (200, 201)}
    keys = {l["key"] for l in lines}
    statuses = collections.Counter(l["status"] for l in lines)
    cmd = a.psql.split()
    rows = [r.split("|") for r in psql(cmd, f"select idempotency_key, count(*) from checkin where idempotency_key like '{a.run}-%' group by 1") if r]
    stored = {k: int(c) for k, c in rows}
    periods = [r for r in psql(cmd, f"select proposal_id, period_start, count(*) from checkin where idempotency_key like '{a.run}-%' "
                                    "group by 1, 2 having count(*) > 1") if r]
    partial = [r for r in psql(cmd, f"select c.id from checkin c where c.idempotency_key like '{a.run}-%' and not exists ("
                                    "select 1 from audit_event e where e.action = 'CHECKIN_RECORDED' and e.details->>'checkinId' = c.id::text)") if r]
    lost = [k for k in acked if k not in stored]
    duplicated = [k for k, c in stored.items() if c > 1] + periods
    committed_unacked = [k for k in stored if k not in acked]
    auth = "Basic " + base64.b64encode(b"dana:review-demo-1").decode()
    try:
        with urllib.request.urlopen(urllib.request.Request(a.base + "/api/v1/audit/verify", headers={"Authorization": auth}), timeout=120) as r:
            verify = json.loads(r.read())
    except Exception as e:
        verify = {"ok": False, "problem": str(e)}
    result = {"scenario": a.scenario, "run": a.run, "writes": len(keys), "requests": len(lines), "acknowledged": len(acked),
              "lost": len(lost), "duplicated": len(duplicated), "partial": len(partial), "committedUnacknowledged": len(committed_unacked),
              "chainOk": bool(verify.get("ok")), "chainChecked": verify.get("checked"), "chainProblem": verify.get("problem"),
              "http500": statuses.get(500, 0), "http503": statuses.get(503, 0), "refused": statuses.get(0, 0),
              "otherErrors": sum(c for s, c in statuses.items() if s not in (0, 200, 201, 503, 500))}
    print(json.dumps(result))
    print(f"{a.scenario} {a.run}: {result['acknowledged']}/{result['writes']} acknowledged, lost {result['lost']}, duplicated "
          f"{result['duplicated']}, partial {result['partial']}, chain {'ok' if result['chainOk'] else 'BROKEN'}, "
          f"500s {result['http500']}, 503s {result['http503']}, refused {result['refused']}", file=sys.stderr)
    bad = result["lost"] or result["duplicated"] or result["partial"] or not result["chainOk"] or result["http500"]
    sys.exit(1 if bad else 0)

if __name__ == "__main__":
    main()
