#!/usr/bin/env python3
"""Writes a synthetic JSON Feed of about the given size (default 1 MiB) to stdout.

The items are made up (CVE-2099-*), shaped like the official feed's, so the size and the
compressibility are realistic; no real advisory text is used.
"""
import json
import sys

target = int(sys.argv[1]) if len(sys.argv) > 1 else 1 << 20
items = []
n = 0
size = 0
while size < target:
    n += 1
    cve = f"CVE-2099-{n:05d}"
    item = {
        "id": cve,
        "url": f"https://github.com/kubernetes/kubernetes/issues/{100000 + n}",
        "external_url": f"https://www.cve.org/CVERecord?id={cve}",
        "title": f"{cve}: component {n % 17} may disclose data under condition {n % 7}",
        "content_text": ("A security issue was discovered in Kubernetes where a user that can "
                         "create pods may be able to bypass a policy. ") * 6,
        "date_published": f"2099-01-{1 + n % 28:02d}T12:00:00Z",
        "_kubernetes_io": {
            "google_group_url": "https://groups.google.com/g/kubernetes-announce",
            "issue_number": 100000 + n,
            "cvss": "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N",
            "affected": [{"introduced": "1.0.0", "fixed": f"1.{20 + n % 10}.{n % 9}"}],
        },
    }
    items.append(item)
    size += len(json.dumps(item)) + 2
feed = {
    "version": "https://jsonfeed.org/version/1.1",
    "title": "Kubernetes Vulnerability Announcements - CVE Feed",
    "home_page_url": "https://kubernetes.io/docs/reference/issues-security/official-cve-feed/",
    "feed_url": "https://kubernetes.io/docs/reference/issues-security/official-cve-feed/index.json",
    "items": items,
}
json.dump(feed, sys.stdout, indent=2)
sys.stdout.write("\n")
