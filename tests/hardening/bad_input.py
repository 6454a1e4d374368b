#!/usr/bin/env python3
"""Bad input against the real server process (item 2 of the hardening issue).

    bad_input.py LIQA_EXECUTABLE [CASE-SUBSTRING...]

Starts `liqa serve` with a test configuration, sends every case, and checks
for each: the status, the JSON error body {"error": {"code", "message"}},
and that GET /healthz still answers 200 afterwards. A 200 reply is checked
against the contract too (arrays present, spans inside the text, mention
text equal to its slice in the chosen offset unit). At the end the server
must stop on SIGTERM with exit 0 and no sanitizer report.
"""
import inspect
import json
import os
import socket
import sys
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import liqa_server as ls  # noqa: E402

MAX_BODY = 4 * 1024 * 1024
TIMEOUT_S = 3  # connection_timeout_s of the test server

# Texts written for these tests (invented people, news phrasing).
ARTICLE = (
    "بغداد - التقى وزير الخارجية العراقي سامي الحديثي يوم الخميس الماضي في بغداد "
    "بنظيره الأردني خالد الروسان، وبحث الجانبان العلاقات الثنائية. ومن المقرر أن يزور "
    "الحديثي عمّان الشهر المقبل.\n")
BIDI = ("استقبل الرئيس \u200fسليم\u200f \u202bالعطار\u202c وزير المالية "
        "عبد\u200dالرحمن\u200c النجار في القصر الجمهوري أمس.\u200e")
PERSIAN = ("التقى وزیر الخارجية علی کریمی بالسفير شاہد محمود في طهران، "
           "وناقشا التعاون. ملاقات میں دو طرفہ تعلقات پر بات ہوئی۔")
MIXED = ("التقى المدير التنفيذي لشركة Northwind Energy السيد Paul Meyer (بول ماير) "
         "بممثلي NATO وUN في Berlin يوم 2018-01-25، وقال Meyer إن اللقاء كان مثمراً.")
ASTRAL = "التقى الوزير 𝐀𝐁 😀 بالسفير 👨‍👩‍👧 في دبي 🇦🇪 أمس."

INVALID_UTF8 = {
    "lone continuation": b"\x80",
    "continuation run": "التقى".encode() + b"\xbf\xbf" + "الوزير".encode(),
    "overlong 2-byte": b"\xc0\xaf",
    "overlong 2-byte C1": b"\xc1\xbf",
    "overlong 3-byte": b"\xe0\x80\xaf",
    "overlong 4-byte": b"\xf0\x80\x80\xaf",
    "overlong NUL": b"\xc0\x80",
    "surrogate high": b"\xed\xa0\x80",
    "surrogate low": b"\xed\xbf\xbf",
    "surrogate pair as UTF-8": b"\xed\xa0\xbd\xed\xb8\x80",
    "above U+10FFFF": b"\xf4\x90\x80\x80",
    "F5 lead byte": b"\xf5\x80\x80\x80",
    "FE FF bytes": b"\xfe\xff",
    "lead byte then ASCII": b"\xd8a",
    "truncated 2-byte at end": "الوزير".encode() + b"\xd8",
    "truncated 3-byte at end": "الوزير".encode() + b"\xe2\x80",
    "truncated 4-byte at end": "الوزير".encode() + b"\xf0\x9f\x98",
    "truncated in the middle": b"ab\xe2\x80cd",
    "Latin-1 text": "Caf\u00e9 na\u00efve".encode("latin-1"),
}


class Suite:
    def __init__(self, server, only):
        self.server = server
        self.port = server.port
        self.only = only
        self.failed = []
        self.passed = 0
        self.known = []
        self.crashes = []

    def known_case(self, name, fn, why):
        """A case that fails for a reason outside liqa's code (@why): reported as
        KNOWN and not counted as a failure, unless the status is wrong too."""
        if self.only and not any(o in name for o in self.only):
            return
        try:
            bad = fn(self.port) or []
        except Exception as e:
            bad = ["exception: %s" % e]
        alive = self.server.alive()
        if not alive:
            bad.append("the server died")
        elif ls.request(self.port, "GET", "/healthz", timeout=10).status != 200:
            bad.append("/healthz not 200 afterwards")
        serious = [b for b in bad if not b.startswith("error ")] or not alive
        if not bad:
            ls.log("ok   %-58s (known limitation fixed?)" % name)
            self.passed += 1
        elif serious:
            self.failed.append(name)
            ls.log("FAIL %s" % name)
            for b in bad:
                ls.log("     " + b)
        else:
            self.known.append(name)
            ls.log("KNOWN %-57s %s" % (name, why))

    def case(self, name, fn):
        if self.only and not any(o in name for o in self.only):
            return
        t0 = time.monotonic()
        try:
            takes_port = "port" in inspect.signature(fn).parameters
            bad = (fn(self.port) if takes_port else fn()) or []
        except Exception as e:  # a case that throws is a failure, not a crash of the suite
            bad = ["exception: %s\n%s" % (e, traceback.format_exc(limit=3))]
        if not self.server.alive():
            bad.append("the server died: exit %s\n%s" % (self.server.proc.returncode,
                                                        self.server.output()))
        else:
            try:
                h = ls.request(self.port, "GET", "/healthz", timeout=10)
                if h.status != 200:
                    bad.append("/healthz answered %d afterwards" % h.status)
            except OSError as e:
                bad.append("/healthz did not answer afterwards: %s" % e)
        took = time.monotonic() - t0
        if bad:
            self.failed.append(name)
            ls.log("FAIL %-58s %6.2fs" % (name, took))
            for b in bad:
                ls.log("     " + b)
        else:
            self.passed += 1
            ls.log("ok   %-58s %6.2fs" % (name, took))
        if not self.server.alive():
            # keep the evidence, then go on with a new server so one crash hides nothing
            time.sleep(0.5)
            self.crashes.append((name, self.server.output()[-4000:]))
            ls.log("     the server died (exit %s); its last output:\n%s"
                   % (self.server.proc.returncode, self.server.output()[-4000:]))
            self.server.stop()
            self.server = self.server.restart()
            self.port = self.server.port


def expect_error(statuses, codes=None, **kw):
    """A case function: send (via @kw) and expect an error reply."""
    def fn(port):
        r = send(port, **kw)
        return ls.check_error_reply(r, statuses, codes)
    return fn


def send(port, raw=None, json_obj=None, body=None, ctype=None, method="POST",
         path="/v1/extract", headers=None, timeout=120.0):
    if raw is not None:
        return ls.send_raw(port, raw, timeout)
    if json_obj is not None:
        body = json.dumps(json_obj, ensure_ascii=False).encode()
        ctype = ctype or "application/json"
    return ls.request(port, method, path, body, ctype, headers, timeout)


def ok_or(statuses, text, unit="codepoint", codes=None, **kw):
    """A 200 that honours the contract, or one of the error @statuses."""
    def fn(port):
        r = send(port, **kw)
        if r.status == 200:
            return ls.check_extract_reply(r, text, unit)
        return ls.check_error_reply(r, statuses, codes)
    return fn


def extract_ok(text, unit="codepoint", published=None, as_text=False):
    def fn(port):
        if as_text:
            q = "?offsets=" + unit + ("&published=" + published if published else "")
            r = ls.post_text(port, text, q)
        else:
            obj = {"text": text, "offsets": unit}
            if published:
                obj["published"] = published
            r = ls.post_json(port, obj)
        return ls.check_extract_reply(r, text, unit, published)
    return fn


def closed_within(port, data, seconds, half_close=False):
    """Send @data, then expect the server to close (with or without a 400/408 JSON
    reply) within @seconds; a 2xx is a failure."""
    s = ls.connect(port, timeout=seconds + 10)
    t0 = time.monotonic()
    try:
        s.sendall(data)
        if half_close:
            s.shutdown(socket.SHUT_WR)
        try:
            r = ls.read_response(s)
        except (ConnectionError, ls.Truncated):
            r = None
        except socket.timeout:
            return ["connection still open after %.0f s" % (seconds + 10)]
        took = time.monotonic() - t0
        bad = []
        if took > seconds + 5:
            bad.append("closed only after %.1f s (timeout %d s)" % (took, seconds))
        if r is not None:
            bad += ls.check_error_reply(r, {400, 408, 413})
        return bad
    finally:
        s.close()


def chunked(chunks, ctype="application/json", trailer=True):
    head = ("POST /v1/extract HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: %s\r\n"
            "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" % ctype).encode()
    body = b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in chunks)
    return head + body + (b"0\r\n\r\n" if trailer else b"")


class PortRef:
    """The current server's port, followed across restarts (an int for the client)."""

    def __init__(self, suite):
        self.suite = suite

    def __index__(self):
        return self.suite.port

    def __int__(self):
        return self.suite.port

    def __str__(self):
        return str(self.suite.port)


def run(suite):
    p = PortRef(suite)
    c = suite.case
    J = lambda o: json.dumps(o, ensure_ascii=False).encode()  # noqa: E731

    # --- a baseline that works, so failures below mean something
    c("baseline: JSON article", lambda: extract_ok(ARTICLE, published="2018-01-30")(p))
    c("baseline: text/plain article", lambda: extract_ok(ARTICLE, "utf16", "2018-01-30",
                                                         as_text=True)(p))

    # --- every error status of the contract
    c("400 malformed JSON (cut)", lambda: expect_error(400, body=b'{"text": "abc',
                                                       ctype="application/json")(p))
    c("400 malformed JSON (trailing garbage)",
      lambda: expect_error(400, body=b'{"text": "abc"} x', ctype="application/json")(p))
    c("400 malformed JSON (trailing comma)",
      lambda: expect_error(400, body=b'{"text": "abc",}', ctype="application/json")(p))
    c("400 malformed JSON (empty body)", lambda: expect_error({400, 422}, body=b"",
                                                              ctype="application/json")(p))
    c("400 malformed JSON (single quotes)",
      lambda: expect_error(400, body=b"{'text': 'abc'}", ctype="application/json")(p))
    c("400 malformed JSON (bad escape before an Arabic letter)",
      lambda: expect_error(400, body=b'{"text": "\\u06' + "أكتوبر".encode() + b'"}',
                           ctype="application/json")(p))
    c("400 malformed JSON (raw control character)",
      lambda: expect_error(400, body=b'{"text": "a\x01b"}', ctype="application/json")(p))
    c("404 unknown path", lambda: expect_error(404, method="GET", path="/nope")(p))
    c("404 unknown path POST", lambda: expect_error(404, body=J({"text": "x"}),
                                                    ctype="application/json",
                                                    path="/v1/extractx")(p))
    c("404 other version", lambda: expect_error(404, body=J({"text": "x"}),
                                                ctype="application/json",
                                                path="/v2/extract")(p))

    def method_405(method, path, allow_has):
        def fn():
            r = send(p, method=method, path=path)
            bad = ls.check_error_reply(r, 405)
            allow = r.header("allow") or ""
            if allow_has not in allow:
                bad.append("Allow header %r lacks %s" % (allow, allow_has))
            return bad
        return fn
    c("405 GET /v1/extract", method_405("GET", "/v1/extract", "POST"))
    c("405 PUT /v1/extract", method_405("PUT", "/v1/extract", "POST"))
    c("405 DELETE /healthz", method_405("DELETE", "/healthz", "GET"))
    c("405 POST /healthz", method_405("POST", "/healthz", "GET"))
    c("413 body over the limit (Content-Length)",
      lambda: expect_error(413, body=J({"text": "ا" * (MAX_BODY // 2 + 1000)}),
                           ctype="application/json")(p))
    c("413 announced Content-Length over the limit, no body sent",
      lambda: expect_error(413, raw=b"POST /v1/extract HTTP/1.1\r\nHost: x\r\n"
                           b"Content-Type: application/json\r\nContent-Length: 999999999999\r\n"
                           b"Connection: close\r\n\r\n")(p))
    c("413 10 MB of one letter (JSON)",
      lambda: expect_error(413, body=J({"text": "a" * (10 * 1024 * 1024)}),
                           ctype="application/json")(p))
    c("413 10 MB of one letter (text/plain)",
      lambda: expect_error(413, body=("ب" * (5 * 1024 * 1024)).encode(),
                           ctype="text/plain; charset=utf-8")(p))
    c("413 chunked body over the limit",
      lambda: ls.check_error_reply(ls.send_raw(p, chunked([b'{"text": "'] + [b"a" * 65536] * 80
                                                          + [b'"}'])), 413))
    c("413 chunked text/plain over the limit, many small chunks",
      lambda: ls.check_error_reply(ls.send_raw(p, chunked([b"x" * 4096] * 1100,
                                                          "text/plain")), 413))
    c("415 application/xml", lambda: expect_error(415, body=b"<text/>",
                                                  ctype="application/xml")(p))
    c("415 multipart/form-data", lambda: expect_error(
        415, body=b"--b\r\n\r\nx\r\n--b--", ctype="multipart/form-data; boundary=b")(p))
    c("415 application/x-www-form-urlencoded",
      lambda: expect_error(415, body=b"text=abc", ctype="application/x-www-form-urlencoded")(p))
    c("415 text/plain; charset=latin1",
      lambda: expect_error(415, body=b"abc", ctype="text/plain; charset=iso-8859-1")(p))
    c("415 application/json; charset=utf-16",
      lambda: expect_error(415, body=J({"text": "x"}), ctype="application/json; charset=utf-16")(p))
    c("415 or 400 no Content-Type", lambda: expect_error({400, 415}, body=J({"text": "x"}))(p))
    c("422 no text", lambda: expect_error(422, json_obj={"id": "x"})(p))
    c("422 text is a number", lambda: expect_error(422, json_obj={"text": 42})(p))
    c("422 text is an array", lambda: expect_error(422, json_obj={"text": ["a", "b"]})(p))
    c("422 text is null", lambda: expect_error(422, json_obj={"text": None})(p))
    c("422 text is an object", lambda: expect_error(422, json_obj={"text": {"a": 1}})(p))
    c("422 text is true", lambda: expect_error(422, json_obj={"text": True})(p))
    c("422 body is an array", lambda: expect_error({400, 422}, json_obj=["text"])(p))
    c("422 body is a string", lambda: expect_error({400, 422}, json_obj="text")(p))
    c("422 offsets unknown", lambda: expect_error(422, json_obj={"text": "x",
                                                                 "offsets": "bytes"})(p))
    c("422 offsets a number", lambda: expect_error(422, json_obj={"text": "x", "offsets": 8})(p))
    c("422 offsets unknown (query)", lambda: expect_error(
        422, body=b"x", ctype="text/plain; charset=utf-8", path="/v1/extract?offsets=utf32")(p))
    c("422 id a number", lambda: expect_error(422, json_obj={"text": "x", "id": 5})(p))
    for pub in ["0000-00-00", "2018-02-30", "x" * 300, "2018-13-01", "2018-1-5", "2017-02-29",
                "2018-01-30T25:00:00Z", "20180130", "", " 2018-01-30", "2018-01-30x",
                "1900-02-29", "٢٠١٨-٠١-٣٠"]:
        c("422 published %r" % pub[:24], (lambda pub: lambda: expect_error(
            422, json_obj={"text": ARTICLE, "published": pub})(p))(pub))
    c("422 published a number", lambda: expect_error(
        422, json_obj={"text": "x", "published": 20180130})(p))
    c("422 published bad (query)", lambda: expect_error(
        422, body=ARTICLE.encode(), ctype="text/plain; charset=utf-8",
        path="/v1/extract?published=2018-02-30")(p))
    c("422 published 300 chars (query)", lambda: expect_error(
        422, body=b"x", ctype="text/plain; charset=utf-8",
        path="/v1/extract?published=" + "9" * 300)(p))
    for pub in ["2016-02-29", "2018-01-30T10:15:00+03:00", "2018-01-30T10:15:00.5Z"]:
        c("200 published %s" % pub, (lambda pub: extract_ok(ARTICLE, published=pub))(pub))

    # --- truncated bodies and lying lengths
    c("truncated JSON body, then half-close",
      lambda: closed_within(p, b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: "
                            b"application/json\r\nContent-Length: 100\r\n\r\n{\"text\": \"ab",
                            TIMEOUT_S, half_close=True))
    c("Content-Length larger than the body (client waits)",
      lambda: closed_within(p, b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: "
                            b"application/json\r\nContent-Length: 5000\r\n\r\n"
                            + J({"text": ARTICLE}), TIMEOUT_S))
    c("headers never finished",
      lambda: closed_within(p, b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Ty", TIMEOUT_S))
    c("chunked body never finished",
      lambda: closed_within(p, chunked([b'{"text": "abc'], trailer=False), TIMEOUT_S))
    # libmicrohttpd 0.9.75 answers these itself, with an HTML page (and, for a bad
    # Content-Length, the status line and headers twice); the status is still right.
    mhd = "libmicrohttpd's own HTML error page"
    k = suite.known_case
    k("400 Content-Length not a number", lambda p: ls.check_error_reply(ls.send_raw(
        p, b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
           b"Content-Length: abc\r\nConnection: close\r\n\r\n{}"), {400, 413}), mhd)
    k("400 Content-Length negative", lambda p: ls.check_error_reply(ls.send_raw(
        p, b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
           b"Content-Length: -1\r\nConnection: close\r\n\r\n{}"), {400, 413}), mhd)
    k("400 bad chunk size", lambda p: ls.check_error_reply(ls.send_raw(
        p, b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
           b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\nabc\r\n0\r\n\r\n"),
        {400, 413}), mhd)
    k("very long header", lambda p: ls.check_error_reply(ls.send_raw(p, ls.build_request(
        "GET", "/healthz", headers=[("X-Big", "b" * 100000)])), {400, 413, 431}), mhd)
    c("chunked JSON within the limit",
      lambda: ls.check_extract_reply(ls.send_raw(p, chunked(
          [J({"text": ARTICLE})[i:i + 7] for i in range(0, len(J({"text": ARTICLE})), 7)])),
          ARTICLE))

    # --- invalid UTF-8 of every kind, in both body types
    for name, bad_bytes in INVALID_UTF8.items():
        def utf8_json(bad_bytes=bad_bytes):
            body = b'{"text": "' + "قبل ".encode() + bad_bytes + " بعد".encode() + b'"}'
            r = send(p, body=body, ctype="application/json")
            return ls.check_error_reply(r, 400)
        def utf8_text(bad_bytes=bad_bytes):
            r = send(p, body="قبل ".encode() + bad_bytes, ctype="text/plain; charset=utf-8")
            bad = ls.check_error_reply(r, 400, {"invalid_utf8"})
            try:
                msg = r.json()["error"]["message"]
                if not any(ch.isdigit() for ch in msg):
                    bad.append("message %r does not say where" % msg)
            except (ValueError, KeyError, TypeError):
                pass
            return bad
        c("400 invalid UTF-8 in JSON: " + name, utf8_json)
        c("400 invalid UTF-8 in text/plain: " + name, utf8_text)
    c("400 invalid UTF-8 in a query parameter", lambda: ls.check_error_reply(ls.send_raw(
        p, ls.build_request("POST", "/v1/extract?id=%C0%AF", b"x",
                            content_type="text/plain; charset=utf-8")), {400, 422}))
    c("JSON lone surrogate escape \\ud800", lambda: expect_error(
        {400, 422}, body=b'{"text": "a\\ud800b"}', ctype="application/json")(p))
    c("JSON reversed surrogate escapes", lambda: expect_error(
        {400, 422}, body=b'{"text": "a\\udc00\\ud800b"}', ctype="application/json")(p))
    c("JSON escaped astral pair", lambda: ls.check_extract_reply(send(
        p, body=b'{"text": "\\ud83d\\ude00 \\u0627\\u0644\\u0648\\u0632\\u064a\\u0631"}',
        ctype="application/json"), "\U0001F600 الوزير"))

    # --- NUL bytes
    c("NUL byte escaped in JSON", ok_or({400, 422}, "التقى\x00الوزير",
                                        body=b'{"text": "\\u0627\\u0644\\u0000x"}',
                                        ctype="application/json"))
    c("NUL byte raw in JSON", lambda: expect_error(400, body=b'{"text": "a\x00b"}',
                                                   ctype="application/json")(p))
    c("NUL bytes in text/plain", ok_or({400, 422}, "التقى\x00الوزير\x00",
                                       body="التقى\x00الوزير\x00".encode(),
                                       ctype="text/plain; charset=utf-8"))
    c("NUL bytes in JSON outside strings", lambda: expect_error(
        400, body=b'{"text": "x"}\x00', ctype="application/json")(p))

    # --- size and shape
    one_mb = "ع" * (1024 * 1024 // 2)
    c("1 MB of one letter (200)", lambda: extract_ok(one_mb)(p))
    words = ["وزير", "الخارجية", "التقى", "محمد", "في", "بغداد", "مع", "السفير", "أمس",
             "الرئيس", "وفد", "رفيع", "المستوى", "عبد", "الله", "بن", "سالم"]
    long_sentence = " ".join(words[(i * 7) % len(words)] for i in range(100000))
    c("100,000-word sentence without punctuation", lambda: extract_ok(long_sentence, "utf16")(p))
    name_rep = " ".join(["محمد"] * 50000)
    c("one name 50,000 times", lambda: extract_ok(name_rep)(p))
    c("deeply nested JSON array", lambda: expect_error(
        {400, 413, 422}, body=b"[" * 100000 + b"]" * 100000, ctype="application/json")(p))
    c("deeply nested JSON beside text", lambda: expect_error(
        {400, 413, 422}, body=b'{"text": "x", "a": ' + b'{"a": ' * 20000 + b"1" + b"}" * 20001,
        ctype="application/json")(p))
    c("nesting only opened", lambda: expect_error(400, body=b"[" * 1000000,
                                                  ctype="application/json")(p))
    c("brackets inside the text string are not nesting",
      lambda: extract_ok("[[[[{{{{" * 1000 + " التقى الوزير بالسفير")(p))
    c("duplicate keys", lambda: expect_error({400, 422}, body=b'{"text": "a", "text": "b"}',
                                             ctype="application/json")(p))
    c("duplicate keys (published)", lambda: expect_error(
        {400, 422}, body=b'{"text": "a", "published": "2018-01-30", "published": "x"}',
        ctype="application/json")(p))
    c("huge number", lambda: expect_error({400, 422}, body=b'{"text": 1e99999}',
                                          ctype="application/json")(p))
    c("unknown fields are ignored", lambda: ls.check_extract_reply(send(
        p, json_obj={"text": ARTICLE, "extra": [1, {"a": None}], "lang": "fr"}), ARTICLE))
    c("id of 10,000 characters", ok_or({413, 422}, ARTICLE,
                                       json_obj={"text": ARTICLE, "id": "i" * 10000}))
    c("JSON with a BOM", ok_or({400}, ARTICLE, body=b"\xef\xbb\xbf" + J({"text": ARTICLE}),
                               ctype="application/json"))

    # --- scripts, controls, empty
    for unit in ("codepoint", "utf16", "utf8"):
        c("bidi controls and joiners in names (%s)" % unit, (lambda u: extract_ok(BIDI, u))(unit))
        c("Persian and Urdu letters (%s)" % unit, (lambda u: extract_ok(PERSIAN, u))(unit))
        c("mixed Latin and Arabic (%s)" % unit, (lambda u: extract_ok(MIXED, u))(unit))
        c("astral characters and emoji (%s)" % unit, (lambda u: extract_ok(ASTRAL, u))(unit))
    c("text/plain bidi (utf16)", lambda: extract_ok(BIDI, "utf16", "2018-01-30", as_text=True)(p))
    c("diacritics and tatweel everywhere", lambda: extract_ok(
        "اِلْتَقَى وَزِيرُ الـخـارجـيـة بِالسَّفِيرِ " * 20)(p))
    c("presentation forms", lambda: extract_ok("ﷲ ﻻ ﺍﻟﺴﻼﻡ ﺍﻟﺘﻘﻰ ﺍﻟﻮﺯﻳﺮ")(p))
    c("CRLF and Unicode line separators", lambda: extract_ok(
        ARTICLE.replace("\n", "\r\n") + "\u2028" + ARTICLE + "\u2029\u0085")(p))
    c("BOM at the start of the text", lambda: extract_ok("\ufeff" + ARTICLE)(p))
    for name, t in [("empty", ""), ("one space", " "),
                    ("whitespace only", " \t\r\n\u00a0\u3000\u200b\u2028 ")]:
        def empty_case(t=t):
            r = ls.post_json(p, {"text": t})
            if r.status == 200:
                bad = ls.check_extract_reply(r, t)
                j = r.json()
                if not bad and (j["entities"] or j["events"]):
                    bad.append("entities or events from nothing")
                return bad
            return ls.check_error_reply(r, 422)
        c("%s text (JSON)" % name, empty_case)
        c("%s text (text/plain)" % name,
          (lambda t: ok_or({422}, t, body=t.encode(), ctype="text/plain; charset=utf-8"))(t))
    c("only punctuation", lambda: extract_ok("." * 5000 + "،؛؟!" * 500)(p))
    c("only digits", lambda: extract_ok("١٢٣ 456 ۷۸۹ " * 500)(p))
    c("lone clitics", lambda: extract_ok("و ف ب ل ك س ال لل وال بال فلل " * 100)(p))
    c("dates that do not exist", lambda: extract_ok(
        "التقى الوزير بالسفير في 31/2/2018 و 0/0/0 و 99/99/9999 و 2018-02-30 و 32 يناير.",
        published="2018-01-30")(p))

    # --- HTTP beyond the list
    c("HEAD /healthz", lambda: [] if ls.send_raw(p, ls.build_request("HEAD", "/healthz"),
                                                 head=True).status == 200 else ["not 200"])
    c("very long URL", lambda: expect_error({404, 414, 431}, method="GET",
                                            path="/" + "a" * 20000)(p))
    # request bytes that end up in an error message must not turn the error into a 500
    c("404 path with invalid UTF-8 (%FF)", lambda: ls.check_error_reply(ls.send_raw(
        p, ls.build_request("GET", "/%FF")), 404))
    c("404 long Arabic path (cut inside a character)", lambda: ls.check_error_reply(ls.send_raw(
        p, ls.build_request("GET", "/x" + "%D8%A7" * 200)), {404, 414}))
    c("404 raw UTF-8 path", lambda: ls.check_error_reply(ls.send_raw(
        p, ("GET /x%s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
            % ("ا" * 200)).encode()), {404, 414}))
    c("405/501 method with a non-ASCII byte", lambda: ls.check_error_reply(ls.send_raw(
        p, b"GE\xd8T /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
        {400, 405, 501}))
    c("415 Content-Type with a non-UTF-8 byte", lambda: expect_error(
        415, body=b"{}", ctype="application/\xff")(p))
    c("415 long Content-Type cut inside a character", lambda: expect_error(
        415, body=b"{}", ctype=("application/" + "x" * 87 + "\u00e9").encode().decode("latin-1"))(p))
    c("unknown method", lambda: expect_error({400, 405, 501}, method="BREW", path="/v1/extract")(p))
    c("HTTP/1.0 without Host", lambda: ls.check_extract_reply(ls.send_raw(
        p, b"POST /v1/extract HTTP/1.0\r\nContent-Type: application/json\r\nContent-Length: %d"
           b"\r\n\r\n%s" % (len(J({"text": ARTICLE})), J({"text": ARTICLE}))), ARTICLE))
    c("garbage request line", lambda: closed_or_error(p, b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc"
                                                      b"\r\n\r\n"))
    c("keep-alive: error then success on one connection", lambda: keep_alive(p))
    c("pipelined requests", lambda: pipelined(p))
    c("Expect: 100-continue over the limit", lambda: expect_error(
        413, raw=b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                 b"Content-Length: 99999999\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n")(p))
    c("X-Request-Id with a non-UTF-8 byte", lambda: expect_error(
        422, json_obj={"text": 1}, headers=[("X-Request-Id", "id-\xff")])(p))
    c("X-Request-Id of 500 characters", lambda: expect_error(
        422, json_obj={"text": 1}, headers=[("X-Request-Id", "r" * 500)])(p))
    c("query string on /healthz", lambda: [] if ls.request(
        p, "GET", "/healthz?x=%00%ff&&&==").status == 200 else ["not 200"])


def access_cases(exe, work, only):
    """API keys and the rate limit on a second server: 401 and 429 are JSON too."""
    key = "k3y-for-the-hardening-suite-0123"
    srv = ls.Server(exe, work, api_keys=key, rate_limit_per_minute=6, rate_limit_burst=3).start()
    suite = Suite(srv, only)
    body = json.dumps({"text": ARTICLE}, ensure_ascii=False).encode()

    def post(headers):
        return ls.request(suite.port, "POST", "/v1/extract", body, "application/json", headers)
    c = suite.case
    c("401 no API key", lambda: ls.check_error_reply(post([]), 401))
    c("401 wrong API key", lambda: ls.check_error_reply(post([("X-API-Key", key[:-1] + "x")]), 401))
    c("401 key with a non-UTF-8 byte", lambda: ls.check_error_reply(
        post([("X-API-Key", key[:-1] + "\xff")]), 401))
    c("401 empty Bearer", lambda: ls.check_error_reply(post([("Authorization", "Bearer ")]), 401))
    c("200 with Bearer key", lambda: ls.check_extract_reply(
        post([("Authorization", "Bearer " + key)]), ARTICLE))

    def rate():
        seen = []
        for _ in range(12):
            r = post([("X-API-Key", key)])
            seen.append(r.status)
            if r.status == 429:
                bad = ls.check_error_reply(r, 429)
                if not r.header("retry-after"):
                    bad.append("429 without Retry-After")
                return bad
        return ["no 429 after %d quick requests with 6/minute: %s" % (len(seen), seen)]
    c("429 over the rate limit", rate)
    c("/healthz needs no key", lambda: [] if ls.request(suite.port, "GET", "/healthz").status
      == 200 else ["not 200"])
    code = suite.server.stop()
    if code != 0:
        suite.failed.append("access server exit %s" % code)
    return suite


def closed_or_error(port, data):
    try:
        r = ls.send_raw(port, data, timeout=TIMEOUT_S + 10)
    except (ConnectionError, ls.Truncated):
        return []
    except socket.timeout:
        return ["no reply and not closed"]
    except ValueError:
        return ["not an HTTP reply"]
    return ls.check_error_reply(r, {400, 404, 405, 505})


def keep_alive(port):
    s = ls.connect(port)
    try:
        bad = []
        s.sendall(ls.build_request("POST", "/v1/extract", b'{"text": 1}', content_type=
                                   "application/json", close=False))
        r = ls.read_response(s)
        bad += ls.check_error_reply(r, 422)
        if (r.header("connection") or "").lower() == "close":
            return bad  # the server may close after an error
        body = json.dumps({"text": ARTICLE}, ensure_ascii=False).encode()
        s.sendall(ls.build_request("POST", "/v1/extract", body, content_type="application/json"))
        bad += ls.check_extract_reply(ls.read_response(s), ARTICLE)
        return bad
    finally:
        s.close()


def pipelined(port):
    body = json.dumps({"text": ARTICLE}, ensure_ascii=False).encode()
    one = ls.build_request("POST", "/v1/extract", body, content_type="application/json",
                           close=False)
    s = ls.connect(port)
    try:
        s.sendall(one * 3 + ls.build_request("GET", "/healthz"))
        bad = []
        for _ in range(3):
            bad += ls.check_extract_reply(ls.read_response(s), ARTICLE)
        if ls.read_response(s).status != 200:
            bad.append("pipelined /healthz not 200")
        return bad
    finally:
        s.close()


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    exe = sys.argv[1]
    work = ls.tempdir("liqa-bad-input-")
    server = ls.Server(exe, work, connection_timeout_s=TIMEOUT_S,
                       max_body_bytes=MAX_BODY, threads=2)
    server.start()
    suite = Suite(server, sys.argv[2:])
    try:
        run(suite)
    finally:
        server = suite.server
        code = server.stop()
    acc = access_cases(exe, work, sys.argv[2:])
    suite.passed += acc.passed
    suite.failed += acc.failed
    suite.crashes += acc.crashes
    bad_exit = []
    if code != 0:
        bad_exit.append("exit code %s on SIGTERM" % code)
    for name, out in suite.crashes:
        bad_exit.append("the server crashed on %r" % name)
    rep = server.sanitizer_report()
    if rep:
        bad_exit.append("sanitizer report:\n" + rep)
    for b in bad_exit:
        ls.log("FAIL " + b)
    ls.log("%d passed, %d failed, %d known limitations" % (suite.passed, len(suite.failed),
                                                          len(suite.known)))
    for f in suite.known:
        ls.log("  known: " + f)
    for f in suite.failed:
        ls.log("  failed: " + f)
    return 1 if suite.failed or bad_exit else 0


if __name__ == "__main__":
    sys.exit(main())

# end of bad_input.py
