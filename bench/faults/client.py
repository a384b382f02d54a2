#!/usr/bin/env python3
"""Write load for the fault harness: check-ins through the JSON API, every request recorded.

Each logical write has its own Idempotency-Key and its own one-day period; the client retries it (same key) after a
connection error or a 503, as a pipeline would. Every attempt is one JSON line in --out:
{"key", "proposal", "day", "attempt", "status", "checkin", "error", "t"}; a write is acknowledged when an attempt got
201 or 200 (a replay of an earlier attempt that did commit).
"""
import argparse, base64, datetime, json, threading, time, urllib.request, urllib.error

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--base", action="append", required=True, help="app URL; several are used round-robin")
    p.add_argument("--proposals", required=True, help="comma-separated ids of decisions victor's team checks in on")
    p.add_argument("--seconds", type=float, default=10)
    p.add_argument("--threads", type=int, default=4)
    p.add_argument("--run", required=True, help="prefix of the keys, unique per round")
    p.add_argument("--first-day", type=int, default=0, help="offset of the first period from 2015-01-02")
    p.add_argument("--out", required=True)
    p.add_argument("--same-key", action="store_true", help="every thread sends the same write (a same-record race)")
    a = p.parse_args()
    proposals = [int(x) for x in a.proposals.split(",") if x]
    if not proposals:
        raise SystemExit("client: no decision to check in on (is the app seeded with demo data?)")
    auth = "Basic " + base64.b64encode(b"victor:review-demo-1").decode()
    lock = threading.Lock()
    counter = [0]
    out = open(a.out, "a", buffering=1)
    deadline = time.time() + a.seconds
    start_day = datetime.date(2015, 1, 2)

    def next_write():
        with lock:
            n = counter[0]
            counter[0] += 1
        if a.same_key:
            n = 0
        return n

    def attempt(base, key, proposal, day):
        body = json.dumps({"periodStart": day, "periodEnd": day, "requests": 1000000 + (hash(key) % 1000),
                           "inputTokensPerRequest": 1000, "outputTokensPerRequest": 83, "spendUsd": 1500}).encode()
        req = urllib.request.Request(f"{base}/api/v1/proposals/{proposal}/checkins", data=body, method="POST",
                                     headers={"Content-Type": "application/json", "Accept": "application/json",
                                              "Authorization": auth, "Idempotency-Key": key})
        try:
            with urllib.request.urlopen(req, timeout=120) as r:
                data = json.loads(r.read() or b"{}")
                return r.status, (data.get("checkin") or {}).get("id"), None
        except urllib.error.HTTPError as e:
            text = e.read()[:300].decode("utf-8", "replace")
            return e.code, None, text
        except Exception as e:  # connection refused or reset while the app or database is down
            return 0, None, type(e).__name__ + ": " + str(e)[:200]

    def worker(index):
        bases = a.base
        i = index
        while time.time() < deadline:
            n = next_write()
            key = f"{a.run}-{n}"
            proposal = proposals[n % len(proposals)]
            # one period per proposal and day: a day is used by as many writes as there are proposals
            day = (start_day + datetime.timedelta(days=a.first_day + n // len(proposals))).isoformat()
            tries = 0
            while True:
                tries += 1
                base = bases[i % len(bases)]
                i += 1
                status, checkin, error = attempt(base, key, proposal, day)
                out.write(json.dumps({"key": key, "proposal": proposal, "day": day, "attempt": tries, "status": status,
                                      "checkin": checkin, "error": error, "t": round(time.time(), 3), "base": base}) + "\n")
                # the app or its database is down: retry the same write (same key) for up to two minutes past the round
                if status in (0, 503) and time.time() < deadline + 120:
                    time.sleep(0.5)
                    continue
                break
            if a.same_key:
                return

    threads = [threading.Thread(target=worker, args=(t,)) for t in range(a.threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    out.close()

if __name__ == "__main__":
    main()
