#!/usr/bin/env python3
"""CLI tests of the `liqa` executable, one group per meson test.

usage: run_cli.py LIQA GROUP

GROUP is one of: help, extract, errors, config, parity. `parity` starts a
server (tests/http/test.conf) and checks that `liqa extract` prints byte for
byte the body POST /v1/extract returns. Standard library only.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
HTTP = os.path.join(os.path.dirname(HERE), "http")
sys.path.insert(0, HTTP)
from liqa_server import Server, check_offsets, dump_logs  # noqa: E402

TEST_CONF = os.path.join(HTTP, "test.conf")

# Arabic sentences written for these tests (fictional people).
TEXT = ("استقبل وزير الدفاع منير السقا نظيره التونسي في مقر الوزارة يوم الخميس، "
        "وبحث الطرفان سبل التعاون العسكري. 🌍\n"
        "ومن المقرر أن يلتقي السقا رئيس الحكومة غدا في العاصمة.")
TEXTS = [
    TEXT,
    "عقد مجلس الإدارة اجتماعا طارئا لمناقشة الميزانية.",
    "",
    "Latin only, no Arabic at all.",
    "قالت المتحدثة باسم الشركة إن المفاوضات لم تتم ولن يلتقي الطرفان قبل نهاية العام المقبل.\n\n\n",
]

failures = []
checks = 0
tmp = tempfile.mkdtemp(prefix="liqa-cli-")


def check(cond, what, detail=""):
    global checks
    checks += 1
    if not cond:
        failures.append(what)
        print("FAIL: %s %s" % (what, detail), file=sys.stderr)
    return cond


def clean_env(**extra):
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("LIQA_") or k in ("LIQA_SOURCE_DIR", "LIQA_BUILD_DIR",
                                                  "LIQA_SHARED_DIR")}
    env.update(extra)
    return env


def run(exe, *args, stdin=None, env=None, cwd=None):
    p = subprocess.run([exe, *args], input=stdin, capture_output=True,
                       env=env or clean_env(), cwd=cwd, timeout=60)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def write(name, data):
    path = os.path.join(tmp, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# ---- groups -----------------------------------------------------------------

def group_help(exe):
    for args in (["--help"], ["-h"], ["help"]):
        rc, out, err = run(exe, *args)
        text = out.decode()
        check(rc == 0, "%s: exit 0" % args[0], rc)
        for word in ("serve", "extract", "--config", "--port", "--offsets", "Exit codes",
                     "LIQA_"):
            check(word in text, "%s mentions %s" % (args[0], word))
        for code in ("0 ", "1 ", "2 ", "3 ", "4 "):
            check(("  " + code) in text, "%s documents exit code %s" % (args[0], code.strip()))
    for sub in ("serve", "extract", "config", "healthcheck"):
        rc, out, _ = run(exe, sub, "--help")
        check(rc == 0 and b"usage: liqa" in out, sub + " --help", rc)
    for args in (["--version"], ["-V"], ["version"]):
        rc, out, _ = run(exe, *args)
        parts = out.decode().split()
        check(rc == 0 and len(parts) == 2 and parts[0] == "liqa" and parts[1][0].isdigit(),
              "%s prints the version" % args[0], out)
    rc, out, err = run(exe)
    check(rc == 2 and "usage: liqa" in err, "no command: exit 2 with usage on stderr", rc)
    rc, out, err = run(exe, "frobnicate")
    check(rc == 2 and "unknown command 'frobnicate'" in err, "unknown command: exit 2", err)


def group_extract(exe):
    path = write("article.txt", TEXT)
    base = ["extract", "--config", TEST_CONF]
    rc, out, err = run(exe, *base, path)
    check(rc == 0, "extract FILE: exit 0", (rc, err))
    body = json.loads(out) if rc == 0 else {}
    check(out.endswith(b"\n") and out.count(b"\n") == 1, "one line of JSON")
    for k in ("lang", "offsets", "entities", "events"):
        check(k in body, "result has " + k)
    check(body.get("offsets") == "codepoint" and body.get("published") is None, "defaults")
    rc2, out2, _ = run(exe, *base, "-", stdin=TEXT.encode())
    check(rc2 == 0 and out2 == out, "extract - (stdin) gives the same output")
    rc3, out3, _ = run(exe, *base, stdin=TEXT.encode())
    check(rc3 == 0 and out3 == out, "extract with no FILE reads stdin")
    for unit in ("codepoint", "utf16", "utf8"):
        rc, out, err = run(exe, *base, "--offsets", unit, "--published", "2018-01-25", path)
        ok = check(rc == 0, "--offsets %s: exit 0" % unit, err)
        if ok:
            res = json.loads(out)
            check(res.get("offsets") == unit, "--offsets %s echoed" % unit)
            check(res.get("published") == "2018-01-25", "--published echoed")
            try:
                n = check_offsets(res, TEXT, unit)
                check(True, "--offsets %s: %d spans slice the text" % (unit, n))
            except (AssertionError, KeyError, UnicodeDecodeError) as e:
                check(False, "--offsets %s: spans slice the text" % unit, repr(e))
    rc, out, _ = run(exe, *base, "--offsets=utf16", "--id=doc-9", path)
    check(rc == 0 and json.loads(out).get("id") == "doc-9", "--opt=value form and --id")
    rc, out, _ = run(exe, *base, "--published", "2018-01-25T08:00:00Z", path)
    check(rc == 0, "RFC 3339 --published", rc)
    # the utf16 offsets differ from code points after the emoji
    rc, a, _ = run(exe, *base, "--offsets", "codepoint", path)
    rc, b, _ = run(exe, *base, "--offsets", "utf16", path)
    check(a != b or b'"entities":[]' in a, "utf16 and codepoint offsets differ")
    # an empty text is fine
    rc, out, _ = run(exe, *base, write("empty.txt", ""))
    res = json.loads(out) if rc == 0 else {}
    check(rc == 0 and res.get("entities") == [] and res.get("events") == [], "empty input")
    # `liqa extract` with no config at all uses the compiled defaults / ./config
    rc, out, err = run(exe, "extract", "--set", "model_path=", path, cwd=tmp)
    check(rc == 0, "extract with compiled defaults", err[-300:])


def group_errors(exe):
    path = write("ok.txt", TEXT)
    base = ["extract", "--config", TEST_CONF]
    for args, what in ((["--nope"], "unknown long option"),
                       (["-x"], "unknown short option"),
                       (["--offsets"], "missing value"),
                       (["--offsets", "bytes", path], "bad --offsets"),
                       (["--published", "2018-13-45", path], "bad --published"),
                       (["--published", "soon", path], "non-date --published"),
                       ([path, path], "two files"),
                       (["--help=yes"], "--help with a value"),
                       (["--set", "noequals", path], "--set without ="),
                       (["--set", "bogus=1", path], "--set unknown key"),
                       (["--set", "max_body_bytes=lots", path], "--set bad value")):
        rc, out, err = run(exe, *base, *args)
        check(rc == 2, "%s: exit 2" % what, (rc, err))
        check(out == b"" and err.startswith("liqa"), "%s: message on stderr" % what, err)
    # a configuration file that is not text: refused with FILE:LINE, exit 2
    # (a NUL byte used to end the line silently, so the server started on
    # the defaults)
    for content, what, reason in ((b"\x00\xff\xfe\xc0\xaf=\n", "binary config", "NUL byte"),
                                  (b"port = 0\nmax_body_bytes = 1MiB\x00\x01\x02\n",
                                   "config with a NUL inside a line", "NUL byte"),
                                  (b"port = 0\n# caf\xe9\n", "Latin-1 config", "invalid UTF-8")):
        conf = write("notext.conf", content)
        rc, _, err = run(exe, "serve", "--config", conf, "--port", "0")
        check(rc == 2 and (conf + ":") in err and reason in err, what + ": exit 2 with FILE:LINE",
              (rc, err[-300:]))
    rc, _, err = run(exe, "serve", "--port", "99999")
    check(rc == 2 and "--port" in err and "65535" in err, "serve --port 99999: exit 2", err)
    rc, _, err = run(exe, "serve", "extra-arg")
    check(rc == 2, "serve with an argument: exit 2", rc)
    # invalid UTF-8: exit 4, the API's JSON error on stdout
    bad = "نص ".encode() + b"\xff\xfe" + " تتمة".encode()
    rc, out, err = run(exe, *base, write("bad.txt", bad))
    check(rc == 4, "invalid UTF-8: exit 4", (rc, err))
    try:
        e = json.loads(out)["error"]
        check(e["code"] == "invalid_utf8" and ("byte offset %d" % bad.index(b"\xff")) in e["message"],
              "invalid UTF-8: JSON error with the byte offset", e)
        check("request_id" not in e, "no request id outside HTTP")
    except (ValueError, KeyError, TypeError):
        check(False, "invalid UTF-8: JSON error on stdout", out)
    rc, out, _ = run(exe, *base, "-", stdin=b"abc\xc0\xafdef")
    check(rc == 4 and b"byte offset 3" in out, "invalid UTF-8 on stdin: exit 4", out)
    # input over the body limit (test.conf: 64 KiB) or the text limit (20000)
    rc, out, _ = run(exe, *base, write("big.txt", "a" * (64 * 1024 + 1)))
    check(rc == 4 and b'"payload_too_large"' in out, "input over max_body_bytes: exit 4", out[:200])
    rc, out, _ = run(exe, *base, write("long.txt", "ت" * 20001))
    check(rc == 4 and b'"text_too_long"' in out, "text over max_text_chars: exit 4", out[:200])
    # unreadable input: exit 1
    rc, out, err = run(exe, *base, os.path.join(tmp, "missing.txt"))
    check(rc == 1 and "missing.txt" in err and out == b"", "missing file: exit 1", (rc, err))
    rc, out, err = run(exe, *base, tmp)
    check(rc == 1, "a folder as input: exit 1", (rc, err))
    # resources that fail to load: exit 3
    rc, out, err = run(exe, *base, "--set", "lexicon_dir=" + os.path.join(tmp, "nolex"), path)
    check(rc == 3 and "cannot load" in err, "missing lexicons: exit 3", (rc, err[-200:]))
    rc, out, err = run(exe, *base, "--set", "model_path=" + write("bad.model", "not a model"), path)
    check(rc == 3, "corrupt model: exit 3", (rc, err[-200:]))
    # out of memory in the pipeline: JSON error, exit 1 (not the input's fault);
    # about 15,000 characters, as the pipeline fits a short text into 64 KiB
    oom = write("oom.txt", TEXT * (15000 // len(TEXT)))
    rc, out, err = run(exe, *base, "--set", "arena_limit_bytes=64KiB", oom)
    check(rc == 1 and b'"out_of_memory"' in out, "out of memory: exit 1 with JSON", (rc, out[:200]))
    # healthcheck of nothing: exit 1; without a port: exit 2
    rc, _, err = run(exe, "healthcheck", "--config", TEST_CONF, "--port", "1")
    check(rc == 1, "healthcheck of a closed port: exit 1", (rc, err))
    rc, _, err = run(exe, "healthcheck", "--config", TEST_CONF)
    check(rc == 2, "healthcheck with port 0: exit 2", (rc, err))


def cfg_json(exe, *args, env=None, cwd=None):
    rc, out, err = run(exe, "config", *args, env=env, cwd=cwd)
    if rc != 0:
        return rc, None, err
    return rc, json.loads(out), err


def setting(doc, key):
    s = doc["settings"][key]
    return s["value"], s["source"]


def group_config(exe):
    empty = write("empty.conf", "# nothing\n")
    filecfg = write("file.conf", "port = 1111\nthreads = 3\nmax_json_depth = 5\n"
                                 "lexicon_dir = lex\nlog_requests = no\n")
    # defaults
    rc, doc, err = cfg_json(exe, "--config", empty)
    if check(rc == 0, "config: exit 0", err):
        check(setting(doc, "port") == (8080, "default"), "default port")
        check(setting(doc, "listen") == ("127.0.0.1", "default"), "default listen")
        check(setting(doc, "max_body_bytes") == (1048576, "default"), "default body limit 1 MiB")
        check(setting(doc, "max_json_depth") == (32, "default"), "default depth")
        check(setting(doc, "threads") == (0, "default"), "default threads (cores)")
        check(doc["config_file"] == empty, "config_file named")
    # file > defaults; relative path against the file's folder
    rc, doc, err = cfg_json(exe, "--config", filecfg)
    if check(rc == 0, "config with a file", err):
        check(setting(doc, "port") == (1111, "file"), "file port")
        check(setting(doc, "log_requests") == (False, "file"), "file bool")
        check(setting(doc, "lexicon_dir") == (os.path.join(tmp, "lex"), "file"),
              "lexicon_dir relative to the file", setting(doc, "lexicon_dir"))
    # env > file
    env = clean_env(LIQA_PORT="2222", LIQA_MAX_JSON_DEPTH="6", LIQA_LEXICON_DIR="rel/lex")
    rc, doc, err = cfg_json(exe, "--config", filecfg, env=env)
    if check(rc == 0, "config with env", err):
        check(setting(doc, "port") == (2222, "env"), "env port over file")
        check(setting(doc, "max_json_depth") == (6, "env"), "env depth over file")
        check(setting(doc, "threads") == (3, "file"), "file threads kept")
        check(setting(doc, "lexicon_dir") == ("rel/lex", "env"), "env path as given")
    # flags > env > file
    rc, doc, err = cfg_json(exe, "--config", filecfg, "--port", "3333", "--threads=7",
                            "--listen", "0.0.0.0", "--set", "max_json_depth=9", env=env)
    if check(rc == 0, "config with flags", err):
        check(setting(doc, "port") == (3333, "flag"), "flag port over env")
        check(setting(doc, "threads") == (7, "flag"), "flag threads over file")
        check(setting(doc, "listen") == ("0.0.0.0", "flag"), "flag listen")
        check(setting(doc, "max_json_depth") == (9, "flag"), "--set over env")
    # which file: --config > $LIQA_CONFIG > ./config/liqa.conf > none
    other = write("other.conf", "port = 4444\n")
    rc, doc, _ = cfg_json(exe, env=clean_env(LIQA_CONFIG=other))
    check(rc == 0 and doc["config_file"] == other and setting(doc, "port")[0] == 4444,
          "LIQA_CONFIG picks the file")
    rc, doc, _ = cfg_json(exe, "--config", filecfg, env=clean_env(LIQA_CONFIG=other))
    check(rc == 0 and doc["config_file"] == filecfg, "--config over LIQA_CONFIG")
    proj = os.path.join(tmp, "proj")
    write("proj/config/liqa.conf", "port = 5555\n")
    rc, doc, _ = cfg_json(exe, cwd=proj)
    check(rc == 0 and doc["config_file"] == "config/liqa.conf"
          and setting(doc, "port")[0] == 5555, "./config/liqa.conf found from the cwd")
    rc, doc, _ = cfg_json(exe, cwd=tmp)
    check(rc == 0 and doc["config_file"] is None and setting(doc, "port") == (8080, "default"),
          "no file: compiled defaults")
    if rc == 0:
        lex = setting(doc, "lexicon_dir")[0]
        check(os.path.isdir(lex), "compiled default lexicon_dir exists", lex)
    # the shipped config/liqa.conf is valid, and every key is in it, commented
    src = os.environ.get("LIQA_SOURCE_DIR", os.path.dirname(os.path.dirname(HERE)))
    shipped = os.path.join(src, "config", "liqa.conf")
    rc, doc, err = cfg_json(exe, "--config", shipped)
    if check(rc == 0, "config/liqa.conf loads", err):
        with open(shipped, encoding="utf-8") as f:
            lines = f.read().splitlines()
        for key in doc["settings"]:
            idx = [i for i, l in enumerate(lines) if l.split("=")[0].strip() == key]
            check(len(idx) == 1, "config/liqa.conf sets %s once" % key)
            if idx:
                check(idx[0] > 0 and lines[idx[0] - 1].startswith("#"),
                      "config/liqa.conf comments %s" % key)
        rc, defaults, _ = cfg_json(exe, "--config", empty)
        for key in doc["settings"]:
            if key in ("lexicon_dir", "model_path"):
                check(os.path.realpath(setting(doc, key)[0])
                      == os.path.realpath(setting(defaults, key)[0]),
                      "config/liqa.conf %s is the default's file" % key)
                continue
            check(setting(doc, key)[0] == setting(defaults, key)[0],
                  "config/liqa.conf %s is the compiled default" % key,
                  (setting(doc, key), setting(defaults, key)))
        check(os.path.isdir(setting(doc, "lexicon_dir")[0]), "config/liqa.conf lexicon_dir exists")
    # `liqa serve` with no arguments from the repo root reads config/liqa.conf
    rc, doc, _ = cfg_json(exe, cwd=src)
    check(rc == 0 and doc["config_file"] == "config/liqa.conf", "repo root: config/liqa.conf")
    # errors: file:line, exit 2, for serve as for config
    bad = write("bad.conf", "# c\nport = 1\n\nfoo = bar\n")
    for cmd in ("config", "serve", "extract"):
        rc, out, err = run(exe, cmd, "--config", bad)
        check(rc == 2 and (bad + ":4: unknown key 'foo'") in err,
              "%s: unknown key → exit 2 with file:line" % cmd, err)
    bad = write("badval.conf", "port = 1\nmax_body_bytes = huge\n")
    rc, out, err = run(exe, "serve", "--config", bad)
    check(rc == 2 and (bad + ":2: invalid value 'huge' for 'max_body_bytes'") in err,
          "bad value → exit 2 with file:line", err)
    rc, out, err = run(exe, "serve", "--config", os.path.join(tmp, "nope.conf"))
    check(rc == 2 and "cannot open" in err, "missing config file → exit 2", err)
    rc, out, err = run(exe, "config", "--config", empty, env=clean_env(LIQA_PORT="eighty"))
    check(rc == 2 and "LIQA_PORT: invalid value 'eighty'" in err, "bad env value → exit 2", err)
    rc, out, err = run(exe, "config", "--config", empty, "--set", "api_keys=short")
    check(rc == 2 and "API key too short" in err, "short API key → exit 2", err)
    rc, doc, _ = cfg_json(exe, "--config", empty, "--set", "api_keys=a-long-secret-key-123")
    check(rc == 0 and setting(doc, "api_keys")[0] == "(set)", "API keys never printed")


def group_parity(exe):
    """`liqa extract` prints byte for byte what POST /v1/extract returns."""
    with Server(exe) as srv:
        for i, text in enumerate(TEXTS):
            path = write("p%d.txt" % i, text)
            for unit in ("codepoint", "utf16", "utf8"):
                for published in (None, "2018-01-30"):
                    args = ["extract", "--config", TEST_CONF, "--offsets", unit]
                    req = {"text": text, "offsets": unit}
                    if published:
                        args += ["--published", published]
                        req["published"] = published
                    if i == 1:
                        args += ["--id", "same-id"]
                        req["id"] = "same-id"
                    rc, out, err = run(exe, *args, path)
                    st, _, body = srv.post_json(req)
                    what = "text %d %s %s" % (i, unit, published or "-")
                    check(rc == 0 and st == 200, what + ": both succeed", (rc, st, err[-200:]))
                    check(out == body, what + ": same bytes",
                          "\ncli: %r\napi: %r" % (out[:200], body[:200]))
            # and the text/plain route gives the same bytes as well
            st, _, body = srv.post_text(text, "?offsets=utf16")
            rc, out, _ = run(exe, "extract", "--config", TEST_CONF, "--offsets", "utf16", path)
            check(out == body, "text %d: text/plain body equals the CLI" % i)
        # healthcheck of the running server
        rc, _, err = run(exe, "healthcheck", "--config", TEST_CONF, "--port", str(srv.port))
        check(rc == 0, "healthcheck of a running server: exit 0", (rc, err))
        # the error bodies agree too (apart from the request id)
        bad = b"abc\xffdef"
        st, _, body = srv.post_text(bad)
        rc, out, _ = run(exe, "extract", "--config", TEST_CONF, write("bad.txt", bad))
        api = json.loads(body)["error"]
        cli = json.loads(out)["error"]
        api.pop("request_id", None)
        check(st == 400 and rc == 4 and api == cli, "invalid UTF-8: same error", (api, cli))
    # with the shipped configuration (lexicons and the trained model), when
    # the model is there
    src = os.environ.get("LIQA_SOURCE_DIR", os.path.dirname(os.path.dirname(HERE)))
    shipped = os.path.join(src, "config", "liqa.conf")
    if not os.path.exists(os.path.join(src, "model", "ner.model")):
        print("parity with the model skipped: model/ner.model absent", file=sys.stderr)
        return
    with Server(exe, config=shipped) as srv:
        for i, text in enumerate(TEXTS[:2]):
            path = write("m%d.txt" % i, text)
            rc, out, err = run(exe, "extract", "--config", shipped, "--published", "2018-01-30",
                               path)
            st, _, body = srv.post_json({"text": text, "published": "2018-01-30"})
            check(rc == 0 and st == 200 and out == body, "model: text %d same bytes" % i,
                  (rc, st, err[-200:]))


GROUPS = {
    "help": group_help,
    "extract": group_extract,
    "errors": group_errors,
    "config": group_config,
    "parity": group_parity,
}


def main():
    if len(sys.argv) != 3 or sys.argv[2] not in GROUPS:
        print(__doc__, file=sys.stderr)
        return 99
    exe, group = os.path.abspath(sys.argv[1]), sys.argv[2]
    t0 = time.monotonic()
    try:
        GROUPS[group](exe)
    except Exception as e:
        import traceback
        traceback.print_exc()
        failures.append("exception: %r" % e)
    finally:
        import shutil
        shutil.rmtree(tmp, ignore_errors=True)
    if failures or os.environ.get("LIQA_TEST_DUMP_LOGS"):
        dump_logs(sys.stderr)
    print("%s: %d checks, %d failed, %.1fs" % (group, checks, len(failures),
                                              time.monotonic() - t0))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
