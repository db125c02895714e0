"""A small, dependency-free S3 client for the benchmark: SigV4 signing (header and presigned URLs),
keep-alive HTTP, ListObjectsV2 paging and multipart upload. The same code drives every server, so
the client's cost is the same for all of them; it is deliberately light (no XML DOM, no payload
hashing: UNSIGNED-PAYLOAD) so that it is not what gets measured."""

import datetime
import hashlib
import hmac
import http.client
import re
import threading
import time
import urllib.parse
from xml.sax.saxutils import unescape

UNSIGNED = "UNSIGNED-PAYLOAD"
EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


def _q(s, safe="-_.~"):
    return urllib.parse.quote(s, safe=safe)


def _canonical_query(params):
    return "&".join(f"{_q(k)}={_q(v)}" for k, v in sorted((k, v) for k, v in params.items()))


class Signer:
    def __init__(self, access_key, secret_key, host, region="us-east-1"):
        self.ak, self.sk, self.host, self.region = access_key, secret_key, host, region
        self._keys = {}

    def _key(self, day):
        k = self._keys.get(day)
        if k is None:
            k = ("AWS4" + self.sk).encode()
            for part in (day, self.region, "s3", "aws4_request"):
                k = hmac.new(k, part.encode(), hashlib.sha256).digest()
            self._keys[day] = k
        return k

    def _sign(self, amz_date, canonical):
        day = amz_date[:8]
        scope = f"{day}/{self.region}/s3/aws4_request"
        sts = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(canonical.encode()).hexdigest()])
        return scope, hmac.new(self._key(day), sts.encode(), hashlib.sha256).hexdigest()

    @staticmethod
    def _now():
        return datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")

    def presign(self, method, path, expires=3600, params=None):
        """Path-style presigned URL path+query (path given unencoded, e.g. /bucket/key)."""
        amz_date = self._now()
        day = amz_date[:8]
        q = dict(params or {})
        q.update({"X-Amz-Algorithm": "AWS4-HMAC-SHA256",
                  "X-Amz-Credential": f"{self.ak}/{day}/{self.region}/s3/aws4_request",
                  "X-Amz-Date": amz_date, "X-Amz-Expires": str(expires), "X-Amz-SignedHeaders": "host"})
        cpath = _q(path, safe="/-_.~")
        cq = _canonical_query(q)
        canonical = "\n".join([method, cpath, cq, f"host:{self.host}\n", "host", UNSIGNED])
        _, sig = self._sign(amz_date, canonical)
        return f"{cpath}?{cq}&X-Amz-Signature={sig}"

    def presign_many(self, method, paths, expires=3600):
        """presign() for many paths at once, all with the same date: the query is built once."""
        amz_date = self._now()
        day = amz_date[:8]
        scope = f"{day}/{self.region}/s3/aws4_request"
        key = self._key(day)
        cq = _canonical_query({"X-Amz-Algorithm": "AWS4-HMAC-SHA256", "X-Amz-Credential": f"{self.ak}/{scope}",
                               "X-Amz-Date": amz_date, "X-Amz-Expires": str(expires),
                               "X-Amz-SignedHeaders": "host"})
        tail = f"\n{cq}\nhost:{self.host}\n\nhost\n{UNSIGNED}"
        head = f"AWS4-HMAC-SHA256\n{amz_date}\n{scope}\n"
        sha256, new_hmac = hashlib.sha256, hmac.new
        for path in paths:
            cpath = _q(path, safe="/-_.~")
            sts = head + sha256(f"{method}\n{cpath}{tail}".encode()).hexdigest()
            yield f"{cpath}?{cq}&X-Amz-Signature={new_hmac(key, sts.encode(), sha256).hexdigest()}"

    def headers(self, method, path, params=None, payload_hash=UNSIGNED):
        """Headers for a header-signed request; returns (request target, headers)."""
        amz_date = self._now()
        cpath = _q(path, safe="/-_.~")
        cq = _canonical_query(params or {})
        hdrs = {"host": self.host, "x-amz-content-sha256": payload_hash, "x-amz-date": amz_date}
        signed = ";".join(sorted(hdrs))
        ch = "".join(f"{k}:{hdrs[k]}\n" for k in sorted(hdrs))
        canonical = "\n".join([method, cpath, cq, ch, signed, payload_hash])
        scope, sig = self._sign(amz_date, canonical)
        hdrs["Authorization"] = (f"AWS4-HMAC-SHA256 Credential={self.ak}/{scope}, SignedHeaders={signed}, "
                                 f"Signature={sig}")
        return (cpath + ("?" + cq if cq else "")), hdrs


class Client:
    """One keep-alive connection (not thread-safe: one per thread)."""

    def __init__(self, host, port, ak, sk, timeout=600):
        self.host, self.port = host, port
        self.signer = Signer(ak, sk, f"{host}:{port}")
        self.timeout = timeout
        self.conn = None

    def _connect(self):
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout, blocksize=1 << 20)
        return self.conn

    def request(self, method, path, params=None, body=None):
        target, hdrs = self.signer.headers(method, path, params)
        for attempt in (1, 2):
            conn = self._connect()
            try:
                conn.request(method, target, body=body, headers=hdrs)
                resp = conn.getresponse()
                data = resp.read()
                if resp.getheader("Connection", "").lower() == "close":
                    self.close()
                return resp.status, resp.headers, data
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.close()
                if attempt == 2:
                    raise

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    # --- ListObjectsV2 -------------------------------------------------------------------------
    _TOKEN = re.compile(rb"<NextContinuationToken>([^<]*)</NextContinuationToken>")
    _KEY = re.compile(rb"<Key>([^<]*)</Key>")

    def list_page(self, bucket, prefix="", delimiter=None, token=None, start_after=None, max_keys=1000):
        p = {"list-type": "2", "max-keys": str(max_keys)}
        if prefix:
            p["prefix"] = prefix
        if delimiter:
            p["delimiter"] = delimiter
        if token:
            p["continuation-token"] = token
        if start_after:
            p["start-after"] = start_after
        status, _, data = self.request("GET", f"/{bucket}", p)
        if status != 200:
            raise RuntimeError(f"list {bucket} -> HTTP {status}: {data[:300]!r}")
        truncated = b"<IsTruncated>true</IsTruncated>" in data
        m = self._TOKEN.search(data)
        nxt = unescape(m.group(1).decode()) if (m and truncated) else None
        keys = data.count(b"<Key>")
        prefixes = data.count(b"<Prefix>") - 1  # the request's own <Prefix> element
        last = None
        if keys:
            last = unescape(data[data.rfind(b"<Key>") + 5:data.rfind(b"</Key>")].decode())
        return {"keys": keys, "prefixes": max(prefixes, 0), "truncated": truncated, "token": nxt, "last": last}

    def list_all(self, bucket, prefix="", max_keys=1000, deadline_s=None):
        """Full listing; returns counts and timings. Stops early (complete=False) past deadline_s."""
        t0 = time.perf_counter()
        first = None
        pages = keys = 0
        token = None
        complete = True
        while True:
            page = self.list_page(bucket, prefix=prefix, token=token, max_keys=max_keys)
            pages += 1
            keys += page["keys"]
            if first is None:
                first = time.perf_counter() - t0
            if not page["truncated"]:
                break
            token = page["token"]
            if deadline_s is not None and time.perf_counter() - t0 > deadline_s:
                complete = False
                break
        return {"seconds": time.perf_counter() - t0, "first_page_s": first, "pages": pages, "keys": keys,
                "complete": complete}

    # --- multipart ----------------------------------------------------------------------------
    _UPLOAD_ID = re.compile(rb"<UploadId>([^<]*)</UploadId>")


def multipart_upload(host, port, ak, sk, bucket, key, view, part_size, concurrency):
    """Uploads the bytes of `view` (a memoryview, or anything with len() and slicing) as a multipart upload;
    returns (seconds, ETag of the completed object) and raises on error."""
    c = Client(host, port, ak, sk)
    t0 = time.perf_counter()
    status, _, data = c.request("POST", f"/{bucket}/{key}", {"uploads": ""})
    if status != 200:
        raise RuntimeError(f"CreateMultipartUpload -> HTTP {status}: {data[:300]!r}")
    upload_id = unescape(Client._UPLOAD_ID.search(data).group(1).decode())
    n = (len(view) + part_size - 1) // part_size
    etags = [None] * n
    errors = []
    lock = threading.Lock()
    nxt = [0]

    def worker():
        wc = Client(host, port, ak, sk)
        try:
            while True:
                with lock:
                    i = nxt[0]
                    nxt[0] += 1
                if i >= n or errors:
                    return
                body = view[i * part_size:min(len(view), (i + 1) * part_size)]
                st, hdrs, d = wc.request("PUT", f"/{bucket}/{key}",
                                         {"partNumber": str(i + 1), "uploadId": upload_id}, body=body)
                if st != 200:
                    errors.append(f"UploadPart {i + 1} -> HTTP {st}: {d[:200]!r}")
                    return
                etags[i] = hdrs.get("ETag")
        except Exception as e:  # noqa: BLE001 - reported to the caller
            errors.append(repr(e))
        finally:
            wc.close()

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        c.request("DELETE", f"/{bucket}/{key}", {"uploadId": upload_id})
        raise RuntimeError(errors[0])
    xml = "<CompleteMultipartUpload>" + "".join(
        f"<Part><PartNumber>{i + 1}</PartNumber><ETag>{e}</ETag></Part>" for i, e in enumerate(etags)) + \
        "</CompleteMultipartUpload>"
    status, _, data = c.request("POST", f"/{bucket}/{key}", {"uploadId": upload_id}, body=xml.encode())
    if status != 200 or b"<Error>" in data:
        raise RuntimeError(f"CompleteMultipartUpload -> HTTP {status}: {data[:300]!r}")
    secs = time.perf_counter() - t0
    c.close()
    m = re.search(rb"<ETag>([^<]*)</ETag>", data)
    return secs, unescape(m.group(1).decode()).strip('"') if m else None
