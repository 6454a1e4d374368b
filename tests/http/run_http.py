#!/usr/bin/env python3
"""HTTP tests of the real `liqa serve` process, one group per meson test.

usage: run_http.py LIQA GROUP

GROUP is one of: extract, errors, limits, meta, cors, access, shutdown.
Each group starts its own server (tests/http/test.conf, or access.conf for
`access`) on an ephemeral loopback port and talks to it with http.client
and raw sockets. Standard library only. Exit 0 when every check passed.
"""
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from liqa_server import Server, check_offsets, dump_logs, parse_http_response  # noqa: E402

# Arabic sentences written for these tests (fictional people and a real city).
TEXT = ("التقى الرئيس كريم الحداد بوزير الخارجية سليم العطار في مدينة طرابلس أمس، "
        "وناقش الجانبان التعاون الاقتصادي بين البلدين. 🙂\n"
        "وقال الحداد إن اللقاء كان مثمرا، وسيزور العطار القاهرة الأسبوع المقبل.")
SHORT = "اجتمع المدير العام مع ممثلي النقابة في مقر الشركة."

failures = []
checks = 0


def check(cond, what, detail=""):
    global checks
    checks += 1
    if not cond:
        failures.append(what)
        print("FAIL: %s %s" % (what, detail), file=sys.stderr)
    return cond


def jbody(data):
    try:
        return json.loads(data.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return None


def check_error(resp, status, code, what, message_has=None):
    """A contract error: the status, JSON body {"error": {code, message,
    request_id}} and the request id of the X-Request-Id header."""
    st, hdrs, data = resp
    body = jbody(data)
    ok = check(st == status, what + ": status %d" % status, "got %s %r" % (st, data[:300]))
    ok &= check(hdrs.get("content-type", "").startswith("application/json"),
                what + ": JSON content type", hdrs.get("content-type"))
    ok &= check(isinstance(body, dict) and isinstance(body.get("error"), dict),
                what + ": error object", repr(data[:300]))
    if not ok:
        return None
    err = body["error"]
    check(err.get("code") == code, what + ": code " + code, "got %r" % err.get("code"))
    check(isinstance(err.get("message"), str) and err["message"], what + ": message")
    check(err.get("request_id") == hdrs.get("x-request-id"), what + ": request_id in body")
    if message_has:
        for piece in message_has:
            check(piece in err.get("message", ""), what + ": message mentions %r" % piece,
                  err.get("message"))
    return err


def check_result(resp, what, text, unit="codepoint", rid=None, published=None):
    st, hdrs, data = resp
    if not check(st == 200, what + ": 200", "got %s %r" % (st, data[:300])):
        return None
    check(hdrs.get("content-type") == "application/json; charset=utf-8",
          what + ": content type", hdrs.get("content-type"))
    check(data.endswith(b"\n"), what + ": body ends with a newline")
    body = jbody(data)
    if not check(isinstance(body, dict), what + ": JSON object"):
        return None
    for k in ("lang", "offsets", "entities", "events"):
        check(k in body, what + ": has " + k)
    check(body.get("lang") == "ar", what + ": lang ar")
    check(body.get("offsets") == unit, what + ": offsets " + unit, body.get("offsets"))
    check(isinstance(body.get("entities"), list), what + ": entities list")
    check(isinstance(body.get("events"), list), what + ": events list")
    if rid is not None:
        check(body.get("id") == rid, what + ": id echoed", body.get("id"))
    if published is not None:
        check(body.get("published") == published, what + ": published echoed")
    try:
        check_offsets(body, text, unit)
        check(True, what + ": offsets slice the text")
    except (AssertionError, KeyError, UnicodeDecodeError) as e:
        check(False, what + ": offsets slice the text", repr(e))
    return body


# ---- groups -----------------------------------------------------------------

def group_extract(exe):
    with Server(exe) as srv:
        for unit in ("codepoint", "utf16", "utf8"):
            r = srv.post_json({"text": TEXT, "id": "doc-1", "published": "2018-01-30",
                               "offsets": unit})
            check_result(r, "json " + unit, TEXT, unit, rid="doc-1", published="2018-01-30")
        r = srv.post_json({"text": TEXT})
        body = check_result(r, "json defaults", TEXT)
        if body:
            check(body.get("published") in (None,), "no published: null", body.get("published"))
        r = srv.post_json({"text": TEXT, "published": "2018-01-30T10:20:00+03:00"})
        check_result(r, "json RFC 3339 published", TEXT)
        r = srv.post_json({"text": TEXT, "id": None, "published": None, "offsets": None})
        check_result(r, "json null optionals", TEXT)
        r = srv.post_json({"text": ""})
        check_result(r, "json empty text", "")
        for unit in ("codepoint", "utf16", "utf8"):
            r = srv.post_text(TEXT, "?id=t-1&published=2018-01-30&offsets=" + unit)
            check_result(r, "text/plain " + unit, TEXT, unit, rid="t-1", published="2018-01-30")
        r = srv.post_text(TEXT, headers={"Content-Type": "Text/Plain;Charset=\"UTF-8\""})
        check_result(r, "text/plain, case and quoted charset", TEXT)
        r = srv.post_text(TEXT, headers={"Content-Type": "text/plain"})
        check_result(r, "text/plain without charset", TEXT)
        r = srv.post_json({"text": TEXT}, headers={"Content-Type": "application/json; charset=utf-8"})
        check_result(r, "json with charset", TEXT)
        # the same text gives the same answer through both body kinds
        a = srv.post_json({"text": TEXT, "offsets": "utf16"})
        b = srv.post_text(TEXT, "?offsets=utf16")
        check(a[2] == b[2], "json and text/plain bodies agree")
        # keep-alive: several requests on one connection
        conn = srv.connect()
        try:
            for i in range(3):
                body = json.dumps({"text": SHORT, "id": "k%d" % i}, ensure_ascii=False)
                conn.request("POST", "/v1/extract", body.encode("utf-8"),
                             {"Content-Type": "application/json"})
                resp = conn.getresponse()
                data = resp.read()
                check(resp.status == 200 and jbody(data).get("id") == "k%d" % i,
                      "keep-alive request %d" % i)
            conn.request("GET", "/healthz")
            resp = conn.getresponse()
            resp.read()
            check(resp.status == 200, "keep-alive GET after POSTs")
        finally:
            conn.close()
        # chunked upload under the limit works
        st, _, data = parse_http_response(srv.raw(
            chunked_request("/v1/extract", "application/json",
                            json.dumps({"text": SHORT}, ensure_ascii=False).encode(), 7)))
        check(st == 200 and jbody(data) is not None, "chunked upload under the limit", st)
        # several clients at once
        results = []

        def worker(i):
            results.append(srv.post_json({"text": SHORT, "id": "c%d" % i})[0])
        threads = [threading.Thread(target=worker, args=(i,)) for i in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        check(results == [200] * 8, "8 concurrent requests", results)


def chunked_request(path, ctype, body, chunk, extra_headers=""):
    parts = [("POST %s HTTP/1.1\r\nHost: x\r\nContent-Type: %s\r\n"
              "Transfer-Encoding: chunked\r\nConnection: close\r\n%s\r\n"
              % (path, ctype, extra_headers)).encode()]
    for i in range(0, len(body), chunk):
        piece = body[i:i + chunk]
        parts.append(b"%x\r\n" % len(piece) + piece + b"\r\n")
    parts.append(b"0\r\n\r\n")
    return b"".join(parts)


def group_errors(exe):
    with Server(exe) as srv:
        # 400: malformed JSON, with line and column
        r = srv.request("POST", "/v1/extract", b'{"text": "abc",\n  "id": }',
                        {"Content-Type": "application/json"})
        check_error(r, 400, "malformed_json", "malformed JSON", ["line 2", "column", "byte offset"])
        r = srv.request("POST", "/v1/extract", b"", {"Content-Type": "application/json"})
        check_error(r, 400, "malformed_json", "empty JSON body", ["empty"])
        data = srv.raw(b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                       b"Transfer-Encoding: gzip\r\nConnection: close\r\n\r\n")
        st, hdrs, body = parse_http_response(data) if data else (None, {}, b"")
        check_error((st, hdrs, body), 400, "bad_request", "Transfer-Encoding gzip", ["gzip"])
        r = srv.request("POST", "/v1/extract", b'{"text": "a"} x', {"Content-Type": "application/json"})
        check_error(r, 400, "malformed_json", "trailing garbage")
        r = srv.request("POST", "/v1/extract", b'{"text": "a\\u0000b"}',
                        {"Content-Type": "application/json"})
        check_error(r, 400, "malformed_json", "NUL escape in a string")
        r = srv.request("POST", "/v1/extract", b'{"text": "\\ud800"}',
                        {"Content-Type": "application/json"})
        check_error(r, 400, "malformed_json", "lone surrogate escape")
        # 400: invalid UTF-8, with the byte offset, in JSON and in text/plain
        body = '{"text": "مرحبا '.encode() + b"\xff" + b' world"}'
        off = body.index(b"\xff")
        r = srv.request("POST", "/v1/extract", body, {"Content-Type": "application/json"})
        check_error(r, 400, "invalid_utf8", "invalid UTF-8 in a JSON string",
                    ["byte offset %d" % off])
        raw = "نص عربي ".encode() + b"\xc3\x28" + "تتمة".encode()
        r = srv.post_text(raw)
        check_error(r, 400, "invalid_utf8", "invalid UTF-8 in text/plain",
                    ["byte offset %d" % raw.index(b"\xc3")])
        for bad, name in ((b"\xed\xa0\x80", "surrogate"), (b"\xc0\xaf", "overlong"),
                          (b"\xf4\x90\x80\x80", "above U+10FFFF"), (b"\xe2\x82", "truncated")):
            r = srv.post_text(b"abc" + bad)
            check_error(r, 400, "invalid_utf8", "invalid UTF-8 (%s)" % name, ["byte offset 3"])
        r = srv.post_text(SHORT, "?id=%FF")
        check_error(r, 400, "invalid_utf8", "invalid UTF-8 in a query parameter", ["id"])
        # duplicate keys and nesting depth (test.conf: max_json_depth = 8)
        r = srv.request("POST", "/v1/extract", b'{"text": "a", "text": "b"}',
                        {"Content-Type": "application/json"})
        check_error(r, 400, "duplicate_key", "duplicate key", ["text", "line 1"])
        deep = b'{"text": "a", "x": ' + b"[" * 9 + b"]" * 9 + b"}"
        r = srv.request("POST", "/v1/extract", deep, {"Content-Type": "application/json"})
        check_error(r, 400, "json_too_deep", "nesting too deep", ["8", "byte offset %d" % (deep.index(b"[") + 7)])
        ok = b'{"text": "a", "x": ' + b"[" * 7 + b"]" * 7 + b"}"
        r = srv.request("POST", "/v1/extract", ok, {"Content-Type": "application/json"})
        check(r[0] == 200, "nesting at the limit is fine", r[:1])
        brackets_in_string = json.dumps({"text": "[[[[[[[[[[{{{{{{{{{{"}).encode()
        r = srv.request("POST", "/v1/extract", brackets_in_string, {"Content-Type": "application/json"})
        check(r[0] == 200, "brackets inside strings do not count", r[:1])
        huge_depth = b"[" * 50000
        r = srv.request("POST", "/v1/extract", huge_depth, {"Content-Type": "application/json"})
        check_error(r, 400, "json_too_deep", "50000 open brackets")
        # 404
        r = srv.request("GET", "/nope")
        check_error(r, 404, "not_found", "unknown path")
        r = srv.request("POST", "/v1/extract/", b"{}", {"Content-Type": "application/json"})
        check_error(r, 404, "not_found", "trailing slash")
        r = srv.request("GET", "/v2/extract")
        check_error(r, 404, "not_found", "other version")
        # 405 with Allow
        for method, path, allow in (("GET", "/v1/extract", "POST, OPTIONS"),
                                    ("PUT", "/v1/extract", "POST, OPTIONS"),
                                    ("DELETE", "/healthz", "GET, HEAD, OPTIONS"),
                                    ("POST", "/version", "GET, HEAD, OPTIONS"),
                                    ("PATCH", "/metrics", "GET, HEAD, OPTIONS")):
            body = b"{}" if method in ("POST", "PUT", "PATCH") else None
            r = srv.request(method, path, body, {"Content-Type": "application/json"})
            check_error(r, 405, "method_not_allowed", "%s %s" % (method, path))
            check(r[1].get("allow") == allow, "%s %s: Allow" % (method, path), r[1].get("allow"))
        # 415
        for ctype in (None, "text/html", "application/x-www-form-urlencoded",
                      "text/plain; charset=iso-8859-1", "application/json; charset=utf-16",
                      "application/jsonx", "multipart/form-data; boundary=x"):
            h = {} if ctype is None else {"Content-Type": ctype}
            r = srv.request("POST", "/v1/extract", b'{"text": "a"}', h)
            check_error(r, 415, "unsupported_media_type", "Content-Type %r" % ctype)
        # 422: each contract violation
        for obj, what, piece in (({}, "no text", "text"),
                                 ({"id": "x"}, "no text with id", "text"),
                                 ({"text": 5}, "text a number", "text"),
                                 ({"text": None}, "text null", "text"),
                                 ({"text": ["a"]}, "text an array", "text"),
                                 ({"text": "a", "published": "2018-02-30"}, "impossible date", "published"),
                                 ({"text": "a", "published": "yesterday"}, "published not a date", "published"),
                                 ({"text": "a", "published": 20180130}, "published a number", "published"),
                                 ({"text": "a", "offsets": "bytes"}, "unknown offsets", "offsets"),
                                 ({"text": "a", "offsets": 8}, "offsets a number", "offsets"),
                                 ({"text": "a", "id": 7}, "id a number", "id")):
            r = srv.post_json(obj)
            check_error(r, 422, "invalid_request", "422 " + what, [piece])
        for body, what in ((b'["text"]', "body an array"), (b'"text"', "body a string"),
                           (b"null", "body null")):
            r = srv.request("POST", "/v1/extract", body, {"Content-Type": "application/json"})
            check_error(r, 422, "invalid_request", "422 " + what)
        r = srv.post_text(SHORT, "?offsets=bytes")
        check_error(r, 422, "invalid_request", "422 text/plain unknown offsets", ["offsets"])
        r = srv.post_text(SHORT, "?published=2018-13-01")
        check_error(r, 422, "invalid_request", "422 text/plain bad published", ["published"])
        # error messages stay valid UTF-8 whatever the client sent (an echoed
        # header, path or method that is not UTF-8, or cut inside a
        # character), so the reply keeps its status instead of a 500
        def raw_error(req, status, code, what, message_has=None):
            data = srv.raw(req)
            st, hdrs, body = parse_http_response(data) if data else (None, {}, b"")
            return check_error((st, hdrs, body), status, code, what, message_has)
        for ctype, what in ((b'{"text": "\xc0\xaf"}', "Content-Type with bytes not UTF-8"),
                            (b"text/" + "ت".encode() * 60, "Arabic Content-Type cut at 100 bytes"),
                            (b"text/plain; charset=\xff\xfe", "charset not UTF-8")):
            raw_error(b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: " + ctype +
                      b"\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}", 415,
                      "unsupported_media_type", what)
        raw_error(b"GET /%FF HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 404, "not_found",
                  "path %FF", ["/\ufffd"])
        ev = srv.wait_event("request", 5, lambda e: e.get("path") == "/\ufffd")
        check(ev is not None and ev.get("status") == 404, "path %FF logged", ev)
        long_path = b"/" + b"%D8%AA" * 200
        raw_error(b"GET " + long_path + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                  404, "not_found", "long Arabic path", ["/" + "ت" * 100])
        data = srv.raw(b"G\xc9T /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        st, hdrs, body = parse_http_response(data) if data else (None, {}, b"")
        check(st in (400, 405, 501), "method with a byte not UTF-8: 4xx", (st, body[:200]))
        if st == 405:
            check_error((st, hdrs, body), 405, "method_not_allowed", "method not UTF-8")
        r = srv.request("POST", "/v1/extract", '{"text": "\\u06أكتوبر"}'.encode(),
                        {"Content-Type": "application/json"})
        check_error(r, 400, "malformed_json", "jansson error text cut inside a character")
        # 400: a Content-Length that is not a number (rejected by MHD or by us)
        data = srv.raw(b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                       b"Content-Length: 12abc\r\n\r\n{}")
        st = parse_http_response(data)[0] if data else None
        check(st == 400, "bad Content-Length: 400", st)
        # still alive after all that
        check(srv.request("GET", "/healthz")[0] == 200, "alive after the errors")


def group_limits(exe):
    with Server(exe) as srv:
        limit = 64 * 1024
        # 413 by Content-Length, answered before any body byte is sent
        data = srv.raw(b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                       b"Content-Length: 10000000\r\n\r\n")
        st, hdrs, body = parse_http_response(data)
        check_error((st, hdrs, body), 413, "payload_too_large", "413 by Content-Length",
                    ["10000000", str(limit)])
        # ... also with Expect: 100-continue (curl's way): no 100 Continue first
        data = srv.raw(b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                       b"Expect: 100-continue\r\nContent-Length: 70000\r\n\r\n")
        check(data.startswith(b"HTTP/1.1 413"), "413 with Expect: 100-continue", data[:40])
        # body exactly at the limit passes the body check
        pad = limit - len(b'{"text": ""}')
        body = b'{"text": "' + b"a" * pad + b'"}'
        check(len(body) == limit, "limit body size")
        r = srv.request("POST", "/v1/extract", body, {"Content-Type": "application/json"})
        check(r[0] in (200, 413), "body at the limit accepted by the body check", r[0])
        if r[0] == 413:
            check(jbody(r[2])["error"]["code"] == "text_too_long", "at the limit: only the text limit")
        # 413 on a chunked upload, body over the limit (answered after draining)
        big = json.dumps({"text": "ب" * (limit // 2 + 1000)}, ensure_ascii=False).encode()
        check(len(big) > limit, "chunked body over the limit")
        data = srv.raw(chunked_request("/v1/extract", "application/json", big, 4096))
        st, hdrs, body = parse_http_response(data) if data else (None, {}, b"")
        check_error((st, hdrs, body), 413, "payload_too_large", "413 on a chunked upload")
        # a chunked upload far over the limit is cut off, not drained for ever
        t0 = time.monotonic()
        s = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
        s.sendall(b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                  b"Transfer-Encoding: chunked\r\n\r\n")
        chunk = b"%x\r\n" % 65536 + b"x" * 65536 + b"\r\n"
        closed = False
        try:
            for _ in range(400):  # up to 26 MB
                s.sendall(chunk)
        except OSError:
            closed = True
        s.close()
        check(closed, "endless chunked upload is cut off", "%.1fs" % (time.monotonic() - t0))
        # text longer than max_text_chars (20000) but within the body limit
        r = srv.post_text("ت" * 20001)
        check_error(r, 413, "text_too_long", "413 text over max_text_chars", ["20001", "20000"])
        r = srv.post_text("ت" * 20000)
        check(r[0] == 200, "text at max_text_chars", r[0])
        # slow clients, all at once so the test waits only one timeout (2 s):
        # one sends nothing, one half a request line, one headers and part of
        # the body; the server closes each after the idle timeout
        slow = {"idle client": b"", "slow headers": b"POST /v1/extr",
                "stalled upload": b"POST /v1/extract HTTP/1.1\r\nHost: x\r\n"
                                  b"Content-Type: text/plain\r\nContent-Length: 100\r\n\r\nabc"}
        closed_after = {}

        def wait_closed(name, data):
            t0 = time.monotonic()
            s = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
            try:
                if data:
                    s.sendall(data)
                got = s.recv(100)
            except (ConnectionResetError, socket.timeout):
                got = b""
            closed_after[name] = (time.monotonic() - t0, got)
            s.close()
        threads = [threading.Thread(target=wait_closed, args=kv) for kv in slow.items()]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        for name in slow:
            dt, got = closed_after.get(name, (0, b"?"))
            check(got == b"" and 1.0 <= dt <= 6.0, name + " closed by the timeout",
                  "after %.2fs, got %r" % (dt, got))
        ev = srv.wait_event("request", 5, lambda e: e.get("termination") == "timeout")
        check(ev is not None and ev.get("status") == 0, "timed-out request logged", ev)
        # a client trickling one byte a second restarts the idle timeout each
        # time; the request deadline (test.conf: request_timeout_s = 4) closes
        # it anyway, headers or body, while normal requests are answered
        trickle = {"trickled headers": (b"", b"GET /healthz HTTP/1.1\r\nHost: x\r\n"
                                             b"X-Padding: " + b"p" * 40 + b"\r\n\r\n"),
                   "trickled body": (b"POST /v1/extract HTTP/1.1\r\nHost: x\r\n"
                                     b"Content-Type: text/plain\r\nContent-Length: 60\r\n\r\n",
                                     "ت".encode() * 30)}
        trickled = {}

        def trickle_client(name, head, rest):
            t0 = time.monotonic()
            s = socket.create_connection(("127.0.0.1", srv.port), timeout=15)
            got, sent = b"", 0
            try:
                s.sendall(head)
                for b in rest:
                    s.sendall(bytes([b]))
                    sent += 1
                    s.settimeout(1.0)
                    try:
                        got = s.recv(100)
                        break  # closed (b"") or answered
                    except socket.timeout:
                        pass
            except (ConnectionResetError, BrokenPipeError):
                got = b""
            trickled[name] = (time.monotonic() - t0, got, sent, len(rest))
            s.close()
        threads = [threading.Thread(target=trickle_client, args=(k,) + v)
                   for k, v in trickle.items()]
        for t in threads:
            t.start()
        ok_during = 0
        for _ in range(6):
            time.sleep(0.5)
            ok_during += srv.post_text(SHORT)[0] == 200
        for t in threads:
            t.join()
        for name in trickle:
            dt, got, sent, total = trickled.get(name, (0, b"?", 0, 0))
            check(got == b"" and 3.5 <= dt <= 7.0 and sent < total,
                  name + " closed by the request deadline",
                  "after %.2fs, %d of %d bytes sent, got %r" % (dt, sent, total, got))
        check(ok_during == 6, "requests answered while clients trickle", ok_during)
        ev = srv.wait_event("request", 5, lambda e: e.get("termination") == "request_timeout")
        check(ev is not None and ev.get("status") == 0, "trickled request logged as request_timeout",
              ev)
        check(srv.wait_event("request_timeout", 5) is not None, "request deadline logged")
        # connections per IP (test.conf: 24): of 26 idle connections, the two
        # over the limit are closed at once (which two depends on the order
        # the server accepts them), the others stay open until the timeout
        import select
        socks = []
        try:
            for _ in range(26):
                socks.append(socket.create_connection(("127.0.0.1", srv.port), timeout=5))
            closed = set()
            deadline = time.monotonic() + 1.0
            while time.monotonic() < deadline and len(closed) < 5:
                ready, _, _ = select.select([x for x in socks if x not in closed], [], [], 0.1)
                for x in ready:
                    try:
                        got = x.recv(100)
                    except ConnectionResetError:
                        got = b""
                    if got == b"":
                        closed.add(x)
            # (a connection of an earlier check may still be counted: 2..4)
            check(2 <= len(closed) <= 4, "connections over the per-IP limit closed at once",
                  "%d of 26 closed within 1 s" % len(closed))
        finally:
            for x in socks:
                x.close()
        # headers larger than the connection memory (32 KiB) are refused, not a crash
        data = srv.raw(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 40000 + b"\r\n\r\n")
        check(data == b"" or data.startswith(b"HTTP/1.1 4"), "oversized headers refused", data[:40])
        time.sleep(0.1)
        check(srv.request("GET", "/healthz")[0] == 200, "alive after the limits")


PROM_LINE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([a-zA-Z_][a-zA-Z0-9_]*="[^"]*"'
                       r'(,[a-zA-Z_][a-zA-Z0-9_]*="[^"]*")*)?\})? (-?[0-9.eE+-]+|\+Inf|NaN)$')


def parse_metrics(text):
    """{(name, frozenset(labels)): value} and {name: type}; checks syntax."""
    samples, types = {}, {}
    for line in text.splitlines():
        if line.startswith("# TYPE "):
            _, _, name, typ = line.split(" ", 3)
            types[name] = typ
            continue
        if line.startswith("#") or not line:
            continue
        m = PROM_LINE.match(line)
        if not check(m is not None, "metrics line syntax", repr(line)):
            continue
        labels = frozenset(re.findall(r'([a-zA-Z_][a-zA-Z0-9_]*)="([^"]*)"', m.group(3) or ""))
        samples[(m.group(1), labels)] = float(m.group(5))
    return samples, types


def metric(samples, name, **labels):
    return samples.get((name, frozenset(labels.items())), 0.0)


def group_meta(exe):
    with Server(exe) as srv:
        st, hdrs, data = srv.request("GET", "/healthz")
        check(st == 200 and jbody(data) == {"status": "ok"}, "healthz", data)
        st, hdrs, data = srv.request("HEAD", "/healthz")
        check(st == 200 and data == b"", "HEAD healthz", (st, data))
        st, hdrs, data = srv.request("GET", "/readyz")
        check(st == 200 and jbody(data) == {"status": "ready"}, "readyz", data)
        st, hdrs, data = srv.request("GET", "/version")
        v = jbody(data) or {}
        out = subprocess.run([exe, "--version"], capture_output=True, text=True).stdout.split()
        check(st == 200 and v.get("name") == "liqa", "version name", data)
        check(len(out) == 2 and v.get("version") == out[1], "version matches --version", (v, out))
        check(isinstance(v.get("models"), dict) and "ner" in v["models"], "version models", v)
        # OpenAPI 3
        st, hdrs, data = srv.request("GET", "/openapi.json")
        doc = jbody(data)
        check(st == 200 and isinstance(doc, dict), "openapi.json is JSON")
        if isinstance(doc, dict):
            check(str(doc.get("openapi", "")).startswith("3."), "openapi 3.x", doc.get("openapi"))
            check(doc.get("info", {}).get("version") == v.get("version"), "openapi info.version")
            for p in ("/v1/extract", "/healthz", "/readyz", "/version", "/openapi.json", "/metrics"):
                check(p in doc.get("paths", {}), "openapi path " + p)
            post = doc.get("paths", {}).get("/v1/extract", {}).get("post", {})
            check({"application/json", "text/plain"} <= set(post.get("requestBody", {}).get("content", {})),
                  "openapi: both body types")
            for code in ("200", "400", "405", "413", "415", "422", "503"):
                check(code in post.get("responses", {}), "openapi: extract response " + code)
            refs = re.findall(r'"\$ref":\s*"#/([^"]+)"', data.decode())
            for ref in set(refs):
                node = doc
                for part in ref.split("/"):
                    node = node.get(part) if isinstance(node, dict) else None
                check(node is not None, "openapi $ref resolves: " + ref)
            check(len(refs) > 10, "openapi uses components")
            try:  # a full validation when the validator happens to be installed
                from openapi_spec_validator import validate
            except ImportError:
                validate = None
            if validate is not None:
                try:
                    validate(doc)
                    check(True, "openapi document validates")
                except Exception as e:  # noqa: BLE001 - any validation error
                    check(False, "openapi document validates", repr(e)[:300])
        # metrics: format and counters
        st, hdrs, data = srv.request("GET", "/metrics")
        check(st == 200 and hdrs.get("content-type", "").startswith("text/plain; version=0.0.4"),
              "metrics content type", hdrs.get("content-type"))
        before, types = parse_metrics(data.decode())
        for name, typ in (("liqa_http_requests_total", "counter"),
                          ("liqa_http_request_duration_seconds", "histogram"),
                          ("liqa_http_requests_in_flight", "gauge"),
                          ("liqa_http_request_bytes_total", "counter"),
                          ("liqa_http_response_bytes_total", "counter"),
                          ("liqa_http_connections", "gauge"), ("liqa_ready", "gauge")):
            check(types.get(name) == typ, "metric %s is a %s" % (name, typ), types.get(name))
        check(metric(before, "liqa_http_requests_in_flight") >= 1, "in flight counts the scrape")
        check(metric(before, "liqa_ready") == 1, "liqa_ready 1")
        body = json.dumps({"text": SHORT}, ensure_ascii=False).encode()
        r1 = srv.request("POST", "/v1/extract", body, {"Content-Type": "application/json"})
        srv.request("GET", "/nope")
        srv.request("POST", "/v1/extract", b"{", {"Content-Type": "application/json"})
        st, hdrs, data = srv.request("GET", "/metrics")
        after, _ = parse_metrics(data.decode())
        lbl = {"route": "/v1/extract", "status": "200"}
        check(metric(after, "liqa_http_requests_total", **lbl)
              == metric(before, "liqa_http_requests_total", **lbl) + 1, "extract 200 counted")
        lbl = {"route": "/v1/extract", "status": "400"}
        check(metric(after, "liqa_http_requests_total", **lbl)
              == metric(before, "liqa_http_requests_total", **lbl) + 1, "extract 400 counted")
        lbl = {"route": "other", "status": "404"}
        check(metric(after, "liqa_http_requests_total", **lbl)
              == metric(before, "liqa_http_requests_total", **lbl) + 1, "404 counted as other")
        lbl = {"route": "/metrics", "status": "200"}
        check(metric(after, "liqa_http_requests_total", **lbl) >= 1, "metrics scrape counted")
        d_in = (metric(after, "liqa_http_request_bytes_total", route="/v1/extract")
                - metric(before, "liqa_http_request_bytes_total", route="/v1/extract"))
        check(d_in == len(body) + 1, "request bytes counted", d_in)
        d_out = (metric(after, "liqa_http_response_bytes_total", route="/v1/extract")
                 - metric(before, "liqa_http_response_bytes_total", route="/v1/extract"))
        check(d_out >= len(r1[2]), "response bytes counted", d_out)
        # histogram: cumulative buckets, +Inf == count
        buckets = sorted(((float(dict(lb)["le"].replace("+Inf", "inf")), v)
                          for (n, lb), v in after.items()
                          if n == "liqa_http_request_duration_seconds_bucket"
                          and dict(lb).get("route") == "/v1/extract"))
        check(len(buckets) > 5, "latency buckets")
        check(all(a[1] <= b[1] for a, b in zip(buckets, buckets[1:])), "buckets cumulative")
        count = metric(after, "liqa_http_request_duration_seconds_count", route="/v1/extract")
        check(buckets and buckets[-1][1] == count and count >= 2, "+Inf bucket equals count")
        check(metric(after, "liqa_http_request_duration_seconds_sum", route="/v1/extract") > 0,
              "latency sum")
        # one JSON log line per request with the contract's fields
        rid = r1[1].get("x-request-id")
        ev = srv.wait_event("request", 5, lambda e: e.get("request_id") == rid)
        check(ev is not None, "request logged", rid)
        if ev:
            for k in ("time", "request_id", "method", "path", "status", "bytes_in", "bytes_out",
                      "duration_ms"):
                check(k in ev, "log line has " + k)
            check(ev.get("method") == "POST" and ev.get("path") == "/v1/extract"
                  and ev.get("status") == 200 and ev.get("bytes_in") == len(body)
                  and ev.get("bytes_out") == len(r1[2]), "log line values", ev)
            check(re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", ev.get("time", "")),
                  "log time RFC 3339", ev.get("time"))
        ev = srv.wait_event("request", 5, lambda e: e.get("path") == "/nope")
        check(ev is not None and ev.get("status") == 404 and ev.get("error") == "not_found",
              "error logged with its code", ev)
        check(srv.events("starting") and srv.events("listening"), "start-up log lines")
    check(srv.events("shutdown") and srv.events("stopped"), "shutdown log lines")


def group_cors(exe):
    with Server(exe) as srv:
        # X-Request-Id: echoed when valid, generated otherwise
        st, hdrs, data = srv.request("GET", "/healthz", headers={"X-Request-Id": "abc-123.X:y"})
        check(hdrs.get("x-request-id") == "abc-123.X:y", "request id echoed", hdrs.get("x-request-id"))
        r = srv.post_json({"text": 1}, headers={"X-Request-Id": "err-42"})
        err = check_error(r, 422, "invalid_request", "422 with a request id")
        check(err and err.get("request_id") == "err-42", "request id in the error body")
        st, hdrs, data = srv.request("GET", "/healthz")
        gen = hdrs.get("x-request-id", "")
        check(re.match(r"^[0-9a-f]{32}$", gen), "request id generated", gen)
        st, hdrs, data = srv.request("GET", "/healthz")
        check(hdrs.get("x-request-id") != gen, "generated ids differ")
        for bad in ("a b", "x" * 65, "<script>", "ü"):
            st, hdrs, data = srv.request("GET", "/healthz",
                                         headers={"X-Request-Id": bad.encode("utf-8")})
            check(re.match(r"^[0-9a-f]{32}$", hdrs.get("x-request-id", "")),
                  "bad request id %r replaced" % bad[:10], hdrs.get("x-request-id"))
        # CORS: allowed origin
        origin = "https://app.example.org"
        r = srv.post_json({"text": SHORT}, headers={"Origin": origin})
        check(r[0] == 200 and r[1].get("access-control-allow-origin") == origin,
              "CORS: allowed origin echoed", r[1].get("access-control-allow-origin"))
        check("X-Request-Id" in r[1].get("access-control-expose-headers", ""),
              "CORS: X-Request-Id exposed")
        check("Origin" in r[1].get("vary", ""), "CORS: Vary: Origin")
        r = srv.request("GET", "/nope", headers={"Origin": "http://localhost:3000"})
        check(r[0] == 404 and r[1].get("access-control-allow-origin") == "http://localhost:3000",
              "CORS headers on errors too")
        # not allowed
        r = srv.post_json({"text": SHORT}, headers={"Origin": "https://evil.example.com"})
        check(r[0] == 200 and "access-control-allow-origin" not in r[1],
              "CORS: other origin gets no header")
        r = srv.post_json({"text": SHORT})
        check("access-control-allow-origin" not in r[1], "no Origin, no CORS header")
        # preflight
        r = srv.request("OPTIONS", "/v1/extract", headers={
            "Origin": origin, "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type, x-request-id"})
        h = r[1]
        check(r[0] == 204, "preflight 204", r[0])
        check(h.get("access-control-allow-origin") == origin, "preflight: allow origin")
        check("POST" in h.get("access-control-allow-methods", ""), "preflight: methods",
              h.get("access-control-allow-methods"))
        allowed = h.get("access-control-allow-headers", "").lower()
        check("content-type" in allowed and "x-request-id" in allowed
              and "authorization" in allowed, "preflight: headers", allowed)
        check(h.get("access-control-max-age", "").isdigit(), "preflight: max age")
        check(h.get("allow") == "POST, OPTIONS", "preflight: Allow")
        r = srv.request("OPTIONS", "/v1/extract", headers={
            "Origin": "https://evil.example.com", "Access-Control-Request-Method": "POST"})
        check(r[0] == 204 and "access-control-allow-origin" not in r[1],
              "preflight from another origin: no CORS headers")
        r = srv.request("OPTIONS", "/healthz")
        check(r[0] == 204 and r[1].get("allow") == "GET, HEAD, OPTIONS", "plain OPTIONS: Allow")
        r = srv.request("OPTIONS", "/nope", headers={"Origin": origin,
                                                     "Access-Control-Request-Method": "POST"})
        check_error(r, 404, "not_found", "preflight of an unknown path")
    # a server with CORS for any origin
    with Server(exe, args=["--set", "cors_allowed_origins=*"]) as srv:
        r = srv.post_json({"text": SHORT}, headers={"Origin": "https://anything.example"})
        check(r[1].get("access-control-allow-origin") == "*", "CORS: * allows any origin")
    # and one without CORS
    with Server(exe, env={"LIQA_CORS_ALLOWED_ORIGINS": ""}) as srv:
        r = srv.post_json({"text": SHORT}, headers={"Origin": "https://app.example.org"})
        check("access-control-allow-origin" not in r[1], "CORS off: no header")


def group_access(exe):
    cfg = os.path.join(HERE, "access.conf")
    rate_key, misc_key, load_key = ("test-key-rate-aaaaaaaa", "test-key-misc-bbbbbbbb",
                                    "test-key-load-cccccccc")
    with Server(exe, config=cfg) as srv:
        # 401: no key, wrong key, wrong scheme
        for h, what in (({}, "no key"), ({"Authorization": "Bearer wrong-key-wrong-key"}, "wrong key"),
                        ({"Authorization": "Basic " + misc_key}, "Basic scheme")):
            r = srv.post_json({"text": SHORT}, headers=h)
            check_error(r, 401, "unauthorized", "401 " + what)
            check(r[1].get("www-authenticate", "").startswith("Bearer"),
                  "401 %s: WWW-Authenticate" % what, r[1].get("www-authenticate"))
        # wrong keys spend the address's tokens (burst 3; one spent above; a
        # missing key or another scheme costs none): two more guesses get 401,
        # the next one 429
        for i in range(2):
            r = srv.post_json({"text": SHORT}, headers={"X-API-Key": "guess-guess-guess-%d" % i})
            check_error(r, 401, "unauthorized", "key guess %d within the burst" % (i + 2))
        r = srv.post_json({"text": SHORT}, headers={"X-API-Key": "guess-guess-guess-guess"})
        check_error(r, 429, "rate_limited", "key guessing is rate limited")
        # the open endpoints need no key
        for path in ("/healthz", "/readyz", "/version", "/openapi.json", "/metrics"):
            check(srv.request("GET", path)[0] == 200, "no key needed for " + path)
        # good keys, both headers, and the key from api_keys_file
        r = srv.post_json({"text": SHORT}, headers={"Authorization": "Bearer " + misc_key})
        check_result(r, "Bearer key", SHORT)
        r = srv.post_json({"text": SHORT}, headers={"Authorization": "bearer " + misc_key})
        check(r[0] == 200, "bearer scheme case-insensitive", r[0])
        r = srv.post_json({"text": SHORT}, headers={"X-API-Key": "test-key-file-dddddddd"})
        check(r[0] == 200, "key from api_keys_file", r[0])
        # a preflight needs no key (browsers send none)
        r = srv.request("OPTIONS", "/v1/extract")
        check(r[0] == 204, "OPTIONS without a key", r[0])
        # rate limit: burst 3, then 429 with Retry-After; other keys unaffected
        codes = []
        last = None
        for _ in range(4):
            last = srv.post_json({"text": SHORT}, headers={"X-API-Key": rate_key})
            codes.append(last[0])
        check(codes == [200, 200, 200, 429], "burst of 3 then 429", codes)
        check_error(last, 429, "rate_limited", "429 body")
        ra = last[1].get("retry-after", "")
        check(ra.isdigit() and 1 <= int(ra) <= 10, "429 Retry-After", ra)
        r = srv.post_json({"text": SHORT}, headers={"X-API-Key": misc_key})
        check(r[0] == 200, "another key has its own bucket", r[0])
        # overload: max_in_flight = 1; a stalled upload holds the only slot
        body = json.dumps({"text": SHORT}, ensure_ascii=False).encode()
        s = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
        s.sendall(b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nX-API-Key: %s\r\n"
                  b"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n"
                  % (load_key.encode(), len(body)) + body[:5])
        time.sleep(0.3)
        r = srv.post_json({"text": SHORT}, headers={"X-API-Key": load_key})
        check_error(r, 503, "overloaded", "503 when over max_in_flight")
        check(r[1].get("retry-after", "").isdigit(), "503 Retry-After")
        s.sendall(body[5:])
        s.settimeout(10)
        data = b""
        while b"\r\n\r\n" not in data or len(parse_http_response(data)[2]) < int(
                parse_http_response(data)[1].get("content-length", "1")):
            b = s.recv(65536)
            if not b:
                break
            data += b
        s.close()
        check(data.startswith(b"HTTP/1.1 200"), "the request holding the slot completes", data[:40])
        time.sleep(0.1)
        r = srv.post_json({"text": SHORT}, headers={"X-API-Key": load_key})
        check(r[0] == 200, "slot free again", r[0])
    # out of memory in a request: 500 JSON, the service stays up. The
    # pipeline needs about 1 MiB for any text; 2 MiB leaves room for a short
    # one and none for 180,000 characters.
    with Server(exe, args=["--set", "arena_limit_bytes=2MiB", "--set", "max_body_bytes=1MiB",
                           "--set", "max_text_chars=500000"]) as srv:
        r = srv.post_text("ورد في التقرير أن الوفد زار المدينة. " * 5000)
        check_error(r, 500, "out_of_memory", "500 out of memory")
        check(srv.request("GET", "/healthz")[0] == 200, "alive after out of memory")
        check(srv.post_json({"text": SHORT})[0] == 200, "extracts again after out of memory")
        r = srv.post_text("ورد في التقرير أن الوفد زار المدينة. " * 5000)
        check_error(r, 500, "out_of_memory", "500 out of memory, twice")
        check(srv.post_json({"text": SHORT})[0] == 200, "and again")
    # keys from the environment override the file
    with Server(exe, config=cfg, env={"LIQA_API_KEYS": "env-key-eeeeeeeeeeee",
                                      "LIQA_API_KEYS_FILE": ""}) as srv:
        r = srv.post_json({"text": SHORT}, headers={"X-API-Key": misc_key})
        check(r[0] == 401, "file key replaced by LIQA_API_KEYS", r[0])
        for key, what in (("env-key-eeeeeeeeeee", "key prefix"),
                          ("env-key-eeeeeeeeeeeex", "key plus a byte")):
            r = srv.post_json({"text": SHORT}, headers={"X-API-Key": key})
            check_error(r, 401, "unauthorized", "401 " + what)
        r = srv.post_json({"text": SHORT}, headers={"X-API-Key": "env-key-eeeeeeeeeeee"})
        check(r[0] == 200, "key from LIQA_API_KEYS", r[0])


def group_shutdown(exe):
    # SIGTERM during a slow in-flight request: that reply completes, exit 0
    srv = Server(exe).start()
    body = json.dumps({"text": TEXT, "id": "slow"}, ensure_ascii=False).encode()
    s = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
    s.sendall(b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
              b"Content-Length: %d\r\n\r\n" % len(body) + body[:20])
    time.sleep(0.3)
    srv.signal(signal.SIGTERM)
    ev = srv.wait_event("shutdown", 10)
    check(ev is not None and ev.get("signal") == "SIGTERM", "shutdown logged")
    check(ev is not None and ev.get("in_flight") == 1, "one request in flight at SIGTERM", ev)
    time.sleep(0.3)
    # no new connections now
    try:
        c = socket.create_connection(("127.0.0.1", srv.port), timeout=2)
        c.close()
        refused = False
    except OSError:
        refused = True
    check(refused, "new connections refused while draining")
    check(srv.proc.poll() is None, "still running while a request is in flight")
    s.sendall(body[20:])
    data = b""
    s.settimeout(10)
    while True:
        b = s.recv(65536)
        if not b:
            break
        data += b
    s.close()
    st, hdrs, rbody = parse_http_response(data) if data else (None, {}, b"")
    check(st == 200 and (jbody(rbody) or {}).get("id") == "slow", "in-flight reply completed",
          data[:100])
    check(hdrs.get("connection", "").lower() == "close", "Connection: close while draining")
    rc = srv.wait(15)
    check(rc == 0, "exit 0 after SIGTERM", rc)
    ev = srv.events("stopped")
    check(ev and ev[0].get("drained") is True, "stopped, drained", ev)

    # SIGTERM right after many requests were sent at once: the two threads are
    # busy, so most requests wait unread on accepted connections or in the
    # listen queue; each still gets its complete reply, then exit 0
    srv = Server(exe).start()
    big = (TEXT + "\n") * (19000 // (len(TEXT) + 1))
    body = json.dumps({"text": big}, ensure_ascii=False).encode()
    req = (b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
           b"Content-Length: %d\r\n\r\n" % len(body)) + body
    socks = []
    for _ in range(20):
        c = socket.create_connection(("127.0.0.1", srv.port), timeout=20)
        c.sendall(req)
        socks.append(c)
    srv.signal(signal.SIGTERM)
    complete = 0
    problems = []
    for c in socks:
        data = b""
        try:
            while True:
                b = c.recv(65536)
                if not b:
                    break
                data += b
        except OSError as e:
            problems.append("%r after %d bytes" % (e, len(data)))
            continue
        finally:
            c.close()
        st, hdrs, rbody = parse_http_response(data) if data else (None, {}, b"")
        doc = jbody(rbody)
        # (a reply queued before the signal reached the main thread has no
        # Connection: close; the server closes that idle connection at exit)
        if st == 200 and isinstance(doc, dict) and isinstance(doc.get("entities"), list):
            complete += 1
        else:
            problems.append("status %s, %d bytes: %r" % (st, len(data), data[:80]))
    check(complete == 20, "SIGTERM under load: every request sent before it answered",
          "%d of 20; %s" % (complete, problems[:5]))
    check(not problems, "SIGTERM under load: complete replies", problems[:5])
    rc = srv.wait(15)
    check(rc == 0, "SIGTERM under load: exit 0", rc)
    ev = srv.events("stopped")
    check(ev and ev[0].get("drained") is True, "SIGTERM under load: drained", ev)

    # SIGTERM while requests wait in the listen queue (the server is stopped
    # with SIGSTOP, so the kernel accepts the connections and takes their
    # requests but no thread reads them): on SIGCONT each is still answered
    srv = Server(exe).start()
    req = (b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain; charset=utf-8\r\n"
           b"Content-Length: %d\r\n\r\n" % len(SHORT.encode())) + SHORT.encode()
    srv.signal(signal.SIGSTOP)
    socks = []
    try:
        for _ in range(10):
            c = socket.create_connection(("127.0.0.1", srv.port), timeout=20)
            c.sendall(req)
            socks.append(c)
        srv.signal(signal.SIGTERM)
    finally:
        srv.signal(signal.SIGCONT)
    answered = []
    for c in socks:
        data = b""
        try:
            while True:
                b = c.recv(65536)
                if not b:
                    break
                data += b
        except OSError as e:
            data += repr(e).encode()
        c.close()
        st, _, rbody = parse_http_response(data) if data.startswith(b"HTTP/") else (None, {}, data)
        answered.append(st == 200 and isinstance((jbody(rbody) or {}).get("entities"), list))
    check(all(answered), "SIGTERM with requests in the listen queue: all answered",
          "%d of %d" % (sum(answered), len(answered)))
    check(srv.wait(15) == 0, "listen queue: exit 0")

    # SIGINT on an idle server: exit 0 at once
    srv = Server(exe).start()
    t0 = time.monotonic()
    srv.signal(signal.SIGINT)
    rc = srv.wait(15)
    check(rc == 0 and time.monotonic() - t0 < 5, "SIGINT: exit 0 promptly", rc)

    # a stalled request does not hold shutdown past the grace period
    srv = Server(exe, args=["--set", "shutdown_grace_s=1", "--set", "connection_timeout_s=30"]).start()
    s = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
    s.sendall(b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
              b"Content-Length: 1000\r\n\r\nabc")
    time.sleep(0.3)
    t0 = time.monotonic()
    srv.signal(signal.SIGTERM)
    rc = srv.wait(15)
    dt = time.monotonic() - t0
    s.close()
    check(rc == 0 and 0.8 <= dt < 5, "grace period bounds the wait, exit 0", (rc, dt))
    ev = srv.events("stopped")
    check(ev and ev[0].get("drained") is False and ev[0].get("abandoned") == 1,
          "stopped, one request abandoned", ev)

    # start-up failures: bad config → 2, resources → 3, port in use → 1
    p = subprocess.run([exe, "serve", "--config", os.path.join(HERE, "test.conf"),
                        "--set", "nope=1"], capture_output=True, text=True, timeout=30)
    check(p.returncode == 2 and "unknown key 'nope'" in p.stderr, "bad key: exit 2", p.stderr)
    p = subprocess.run([exe, "serve", "--config", os.path.join(HERE, "test.conf"), "--port", "0",
                        "--set", "lexicon_dir=/nonexistent/lexicons"],
                       capture_output=True, text=True, timeout=30)
    check(p.returncode == 3 and "load_failed" in p.stderr, "missing lexicons: exit 3",
          (p.returncode, p.stderr[-300:]))
    with Server(exe) as srv:
        p = subprocess.run([exe, "serve", "--config", os.path.join(HERE, "test.conf"),
                            "--port", str(srv.port)], capture_output=True, text=True, timeout=30)
        check(p.returncode == 1 and "cannot listen" in p.stderr, "port in use: exit 1",
              (p.returncode, p.stderr[-300:]))


GROUPS = {
    "extract": group_extract,
    "errors": group_errors,
    "limits": group_limits,
    "meta": group_meta,
    "cors": group_cors,
    "access": group_access,
    "shutdown": group_shutdown,
}


def main():
    if len(sys.argv) != 3 or sys.argv[2] not in GROUPS:
        print(__doc__, file=sys.stderr)
        return 99
    exe, group = sys.argv[1], sys.argv[2]
    t0 = time.monotonic()
    try:
        GROUPS[group](exe)
    except Exception as e:  # a crash of the test is a failure, with its trace
        import traceback
        traceback.print_exc()
        failures.append("exception: %r" % e)
    if failures or os.environ.get("LIQA_TEST_DUMP_LOGS"):
        dump_logs(sys.stderr)
    print("%s: %d checks, %d failed, %.1fs" % (group, checks, len(failures),
                                              time.monotonic() - t0))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
