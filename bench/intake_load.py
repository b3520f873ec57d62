#!/usr/bin/env python3
"""Intake benchmark: posts notifications concurrently to a running hub and reports the intake rate,
the time until every delivery is SENT, and the hub's resident memory.

    python3 bench/intake_load.py --base http://localhost:8080 --count 300 --concurrency 8 [--pid <hub pid>]

Loopback only; bounded in count and time.
"""
import argparse
import concurrent.futures
import datetime
import json
import os
import sys
import time
import urllib.error
import urllib.request
import uuid

TRUST_KEY = "local-trust-key"
OPS_KEY = "local-ops-key"


def body(reference):
    today = datetime.date.today()
    return {
        "trustReference": reference,
        "localAuthority": "E08000028",
        "incident": {"type": "DEATH", "occurredOn": str(today - datetime.timedelta(days=3)),
                     "awareOn": str(today - datetime.timedelta(days=2)), "location": "IN_AREA",
                     "abuseOrNeglect": "SUSPECTED", "summary": "Benchmark notification"},
        "children": [{"ageYears": 3, "sex": "FEMALE", "legalStatus": "NONE", "name": "Bench Child"}],
        "notifier": {"name": "Bench", "role": "Benchmark", "email": "bench@trust.example.org"},
    }


def call(method, url, key, payload=None, timeout=30):
    data = json.dumps(payload).encode() if payload is not None else None
    request = urllib.request.Request(url, data=data, method=method,
                                     headers={"Authorization": "Bearer " + key, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, None


def rss_mib(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://localhost:8080")
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--pid", type=int)
    parser.add_argument("--deadline-seconds", type=int, default=300)
    args = parser.parse_args()
    if not (args.base.startswith("http://localhost") or args.base.startswith("http://127.")):
        sys.exit("loopback only")
    run = uuid.uuid4().hex[:8]

    def post(i):
        return call("POST", args.base + "/api/v1/notifications", TRUST_KEY, body(f"BENCH-{run}-{i}"))

    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(args.concurrency) as pool:
        results = list(pool.map(post, range(args.count)))
    intake_seconds = time.monotonic() - started
    accepted = [r[1]["id"] for r in results if r[0] == 202]
    statuses = {}
    for status, _ in results:
        statuses[status] = statuses.get(status, 0) + 1

    pending = set(accepted)
    deadline = time.monotonic() + args.deadline_seconds
    while pending and time.monotonic() < deadline:
        for notification in list(pending):
            status, view = call("GET", f"{args.base}/api/v1/notifications/{notification}", OPS_KEY)
            if status == 200 and all(d["state"] == "SENT" for d in view["deliveries"]):
                pending.discard(notification)
        time.sleep(0.2)
    all_sent_seconds = time.monotonic() - started

    print(f"posted {args.count} with concurrency {args.concurrency}: statuses {statuses}")
    print(f"intake: {intake_seconds:.2f} s, {len(accepted) / intake_seconds:.1f} notifications/s accepted")
    print(f"every delivery SENT after {all_sent_seconds:.2f} s ({len(accepted) * 4} deliveries, "
          f"{len(accepted) * 4 / all_sent_seconds:.1f} deliveries/s); not sent: {len(pending)} notifications")
    if args.pid:
        print(f"hub resident memory: {rss_mib(args.pid):.0f} MiB")
    sys.exit(1 if pending or len(accepted) != args.count else 0)


if __name__ == "__main__":
    main()
