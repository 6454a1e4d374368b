#!/usr/bin/env python3
"""Write the fuzzing seed corpora and dictionaries of tests/fuzz.

The seeds are kept in the repository (corpus/<harness>/); this script is how
they were made and can remake them. Every text is written for liqa's tests
(invented people, general news phrasing); none is taken from a corpus or
from the dev articles. At fuzz time, run_fuzz.sh adds the dev articles of
../shared as extra seeds without copying them into the repository.

    python3 tests/fuzz/make_seeds.py
"""
import hashlib
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

ARTICLES = [
    # a reception with titles, a place and a weekday
    "القاهرة - استقبل الرئيس المصري في قصر الاتحادية صباح اليوم الأحد وزير الخارجية "
    "الياباني كينجي موراتا، وبحث الجانبان سبل تعزيز العلاقات الثنائية. وقال المتحدث "
    "باسم الرئاسة السفير حسام الدين فاروق إن اللقاء تناول التطورات في المنطقة.\n",
    # a meeting last Thursday and a planned visit next month
    "بغداد (رويترز) - التقى وزير الداخلية العراقي قاسم عبد الجبار الجبوري يوم الخميس "
    "الماضي بالسفير الفرنسي لدى العراق جان لوران، وناقشا التعاون الأمني. ومن المقرر أن "
    "يزور الجبوري باريس الشهر المقبل للقاء نظيره الفرنسي. وكان الوزير قد اجتمع أمس "
    "بقادة الشرطة في محافظة البصرة.\n",
    # a denied meeting, a full date
    "عمّان - نفى المتحدث باسم الحكومة الأردنية أن يكون رئيس الوزراء قد اجتمع بممثلين "
    "عن شركة «النور للطاقة» خلال زيارته إلى لندن في 12 مارس/آذار 2019، مؤكداً أن "
    "جدول الزيارة اقتصر على لقاءات رسمية مع مسؤولين بريطانيين.\n",
    # habitual and uncertain
    "الرباط - يلتقي الملك عادة بشيوخ القبائل في مطلع كل شهر. وذكرت مصادر مطلعة أن "
    "الأمين العام لجامعة الدول العربية قد يلتقي وزير الخارجية المغربي ناصر العلوي "
    "الأسبوع المقبل، دون أن تؤكد الخارجية ذلك.\n",
    # a summit with several participants, Latin names and acronyms
    "جنيف - عقد ممثلو الأمم المتحدة وحلف شمال الأطلسي (الناتو) والاتحاد الأوروبي قمة "
    "مصغرة يوم 2017-05-14، شارك فيها المبعوث الأممي أندرياس فيبر (Andreas Weber) "
    "ومديرة صندوق النقد الدولي IMF السيدة كلير دوبوا. وحضر اللقاء أيضاً سفراء "
    "الدول الأعضاء.\n",
    # dates in many spellings and digits
    "دبي - أعلنت الهيئة في ٣٠/١/٢٠١٨ عن زيارة مرتقبة، بعد اجتماع عقد في 31/1/2018 "
    "وآخر في منتصف يناير/كانون الثاني، وثالث في الخامس من شباط/فبراير 2016. وقالت "
    "إن الوفد سيعود في غضون أسبوعين، أي في الأسبوع الأول من الشهر القادم، وإن اللقاء "
    "المقبل قد يعقد العام المقبل أو في وقت لاحق من العام الجاري.\n",
    # Persian and Urdu letters inside Arabic names, and a Persian sentence
    "طهران - استقبل وزیر الخارجية الإيراني علی اکبر کریمی نظيره الباكستاني شاہد "
    "محمود في مقر الوزارة. دیدار دو وزیر در تهران انجام شد. ملاقات میں دو طرفہ "
    "تعلقات پر بات ہوئی۔\n",
    # bidi controls, zero-width joiners, tatweel and diacritics inside names
    "الرياض - اجتمع الأمير \u200fفيصل\u200f بن \u200dسلمان مع السفير الأمريكي "
    "جـــون ســمــيـث، وحضر اللقاء وَزِيرُ الطَّاقَةِ عبد\u200c\u200cالعزيز "
    "\u202bالسديري\u202c. #لقاء_الرياض 🇸🇦\n",
    # quotes, parentheses, a number with separators, a hashtag, a line without punctuation
    "الخرطوم - قال رئيس المجلس السيادي في تصريح «إن لقاءنا مع الوفد كان مثمراً» "
    "وأضاف \"سنلتقي مجدداً\" بعد (3) أيام. وبلغت قيمة الاتفاق 1,500,000 دولار أو "
    "3.5 مليون يورو\nوزير الزراعة التقى المزارعين في ولاية الجزيرة بعد ظهر السبت\n",
    # a phone call, not a meeting
    "الكويت - أجرى ولي العهد اتصالاً هاتفياً مع رئيس الوزراء اللبناني، وبحثا "
    "العلاقات بين البلدين. وكان الطرفان قد التقيا في بيروت قبل ثلاثة أشهر.\n",
]

NASTY = [
    b"",
    b" ",
    b"\t\n\r \xc2\xa0\xe2\x80\x8b\n",  # white space of every kind
    b"\xef\xbb\xbf\xd8\xa7\xd9\x84\xd9\x82\xd8\xa7\xd9\x87\xd8\xb1\xd8\xa9",  # BOM
    b"\x80",  # lone continuation
    b"abc\x80\x80def",
    b"\xc0\xaf",  # overlong /
    b"\xe0\x80\xaf",
    b"\xf0\x80\x80\xaf",
    b"\xc1\xbf",
    b"\xed\xa0\x80",  # surrogate U+D800
    b"\xed\xbf\xbf",  # U+DFFF
    b"\xf4\x90\x80\x80",  # above U+10FFFF
    b"\xf5\x80\x80\x80",
    b"\xff\xfe",
    "التقى الوزير".encode() + b"\xd8",  # truncated at the end
    "التقى الوزير".encode() + b"\xe2\x82",
    "التقى الوزير".encode() + b"\xf0\x9f\x98",
    b"\x00",
    "التقى\x00الوزير\x00".encode(),
    ("ا" * 3000).encode(),
    ("a" * 3000).encode(),
    (" ".join(["كلمة"] * 800)).encode(),  # a long sentence, no punctuation
    (" ".join(["محمد"] * 800)).encode(),  # one name repeated
    (". " * 1000).encode(),
    ("\u064e" * 500).encode(),  # only diacritics
    ("\u0640" * 500).encode(),  # only tatweel
    ("\u200d" * 200 + "\u200f" * 200).encode(),
    "و ف ب ل ك س ال لل وب فل وال بال".encode(),  # lone clitics
    "ﷲ ﻻ ﷺ ﺍﻟﺴﻼﻡ".encode(),  # presentation forms
    "\u2028\u2029\u0085\u000b\u000c".encode(),
    "«««»»» \"\"\" '' (((( ]]]]".encode(),
    "ab\u0301\u0302\u0303\u0304\u0305\u0306 ".encode() * 50,
    "😀👨‍👩‍👧‍👦🇸🇦".encode(),
    "0000-00-00 2018-02-30 9999-12-31 31/2/2018 99/99/9999 ١٠/١٣/٢٠١٨".encode(),
    "#####_____ #_ #ا_".encode(),
    "١٢٣٤٥٦٧٨٩٠ ۱۲۳۴۵۶۷۸۹۰ 1,2,3,,4..5 ٫٬".encode(),
    "Trump's CIA-led U.S. e-mail x86_64".encode(),
    ("\r\n" * 300).encode(),
]

REQUESTS = [
    {"text": ARTICLES[0]},
    {"text": ARTICLES[1], "published": "2018-01-30", "offsets": "utf16", "id": "a-1"},
    {"text": ARTICLES[5], "published": "2018-01-30T10:15:00+03:00", "offsets": "utf8"},
    {"text": ARTICLES[6], "published": "2016-02-29T23:59:59.123Z", "offsets": "codepoint"},
    {"text": "", "published": None, "id": None, "offsets": None},
    {"text": "   "},
    {"text": 42},
    {"text": ["a"]},
    {"text": None},
    {"text": {"nested": "x"}},
    {"text": "x", "published": "0000-00-00"},
    {"text": "x", "published": "2018-02-30"},
    {"text": "x", "published": "2018-13-01"},
    {"text": "x", "published": "2018-1-5"},
    {"text": "x", "published": "x" * 300},
    {"text": "x", "published": 20180130},
    {"text": "x", "offsets": "bytes"},
    {"text": "x", "offsets": ""},
    {"text": "x", "id": 7},
    {"id": "no text"},
]
RAW_REQUESTS = [
    b"",
    b"{",
    b"[]",
    b"null",
    b"\"text\"",
    b'{"text": "a", "text": "b"}',
    b'{"text": "\\u0000"}',
    b'{"text": "\\ud800"}',
    b'{"text": "\\udc00\\ud800"}',
    b'{"text": "\xc0\xaf"}',
    b'{"text": "\xed\xa0\x80"}',
    b'{"text": "abc' + b"\xe2\x82" + b'"}',
    b'{"text": "x"} trailing',
    b'{"text": "x",}',
    b"[" * 2000 + b"]" * 2000,
    b'{"a":' * 500 + b"1" + b"}" * 500,
    b'{"text": "x", "published": "2018-01-30T25:61:61Z"}',
    b'{"text": "x", "published": "2018-01-30T10:00:00"}',
    b'{"text": "x", "published": "2018-01-30 10:00:00Z"}',
    b'{"text": "x", "published": "2018-01-30t10:00:00z"}',
    b'{"text": "x", "published": "+2018-01-30"}',
    b'{"text": "x", "published": " 2018-01-30"}',
    b'{"text": 1e999}',
    b'{"text": -0, "offsets": 123456789012345678901234567890}',
    # the text/plain form the harness also reads: published, offsets, text
    b"2018-01-30\nutf16\n" + ARTICLES[2].encode(),
    b"2018-02-30\ncodepoint\nx",
    b"\n\n",
]
TIMEX_DATES = ["2018-01-30", "2016-02-29", "2017-12-31", "2018-01-01T00:00:00Z", "9999-12-31",
               "0001-01-01", "2020-12-31", "2015-12-28"]
TIME_TEXTS = [
    "التقى الوزيران أمس، وسيلتقيان غداً، وبعد غد، واليوم.",
    "الأسبوع الماضي والأسبوع المقبل والأسبوع الجاري والشهر الماضي والشهر المقبل "
    "والعام الماضي والعام المقبل والعام الجاري والسنة الماضية.",
    "الخميس الماضي، يوم الجمعة، السبت المقبل، الأحد، الاثنين، الثلاثاء، الأربعاء.",
    "في 5 يناير، في الخامس من فبراير، منتصف مارس، أواخر أبريل، مطلع مايو 2017، "
    "يونيو/حزيران، تموز/يوليو 2016، آب، أيلول/سبتمبر، تشرين الأول، تشرين الثاني/نوفمبر، "
    "كانون الأول/ديسمبر 2019.",
    "31/1/2018 و2018-01-31 و٣١/١/٢٠١٨ و29/2/2017 و31/4/2018 و0/0/0 و1/13/2018.",
    "عام 2018، في 2017، سنة 1990، منذ 2005، بين 2010 و2012.",
    "مؤخراً وفي وقت سابق وفي وقت لاحق وقريباً وحالياً.",
    "قبل ثلاثة أيام، بعد أسبوعين، قبل شهر، خلال الأيام المقبلة، منذ عامين.",
    "في 31 فبراير 2018 وفي 30 فبراير وفي 32 يناير.",
    "الأسبوع الماضي " * 200,
]
PIPELINE_PREFIX = [0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14]

JSON_DICT = ['"text"', '"id"', '"published"', '"offsets"', '"codepoint"', '"utf16"', '"utf8"',
             "{", "}", "[", "]", ":", ",", "null", "true", "false", '"', "\\u0000", "\\ud800",
             "\\udc00", "\\u200f", "\\\\", "\\n", "2018-01-30", "T10:00:00Z", "+03:00", ".123",
             "1e999", "-0"]
AR_DICT = [
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
    "نوفمبر", "ديسمبر", "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب",
    "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول", "الأحد", "الاثنين", "الثلاثاء",
    "الأربعاء", "الخميس", "الجمعة", "السبت", "أمس", "غدا", "اليوم", "الماضي", "المقبل", "الجاري",
    "الأسبوع", "الشهر", "العام", "السنة", "منتصف", "مطلع", "أواخر", "يوم", "قبل", "بعد",
    "التقى", "استقبل", "اجتمع", "بحث", "زار", "قمة", "لقاء", "مباحثات", "يلتقي", "سيلتقي",
    "نفى", "لم يلتق", "عادة", "قد", "من المقرر", "الرئيس", "وزير", "الأمير", "الملك", "الشيخ",
    "السفير", "الدكتور", "وزارة", "الخارجية", "الأمم المتحدة", "بن", "عبد", "أبو", "آل",
    "و", "ف", "ب", "ل", "ك", "س", "ال", "لل", "«", "»", "،", "؛", "؟", ".", "\n", "/", "-",
    "\u200f", "\u200e", "\u200d", "\u200c", "\u202b", "\u202c", "\u0640", "\u064e", "\u0651",
    "ی", "ک", "ہ", "ە", "٠", "١", "٢", "٣", "۱", "۲", "2018", "31/1/2018", "(", ")", "#",
]


def name(b):
    return hashlib.sha1(b).hexdigest()[:16]


def write_dir(sub, items):
    d = os.path.join(HERE, "corpus", sub)
    os.makedirs(d, exist_ok=True)
    for b in items:
        with open(os.path.join(d, "seed-" + name(b)), "wb") as f:
            f.write(b)


def write_dict(fname, words):
    with open(os.path.join(HERE, "dict", fname), "w", encoding="ascii") as f:
        f.write("# libFuzzer dictionary, written by make_seeds.py\n")
        for w in words:
            esc = "".join(c if (c.isascii() and c.isprintable() and c not in '"\\')
                          else "".join("\\x%02X" % x for x in c.encode())
                          for c in w)
            f.write('"%s"\n' % esc)


def main():
    texts = [a.encode() for a in ARTICLES] + NASTY
    write_dir("text", texts)
    reqs = [json.dumps(r, ensure_ascii=False).encode() for r in REQUESTS]
    reqs += [json.dumps(r, ensure_ascii=True).encode() for r in REQUESTS[:4]]
    write_dir("request", reqs + RAW_REQUESTS)
    tim = []
    for i, t in enumerate(TIME_TEXTS + ARTICLES[1:6]):
        tim.append((TIMEX_DATES[i % len(TIMEX_DATES)] + "\n" + t).encode())
    tim += [b"2018-02-30\n" + TIME_TEXTS[0].encode(), b"\n" + TIME_TEXTS[2].encode()]
    write_dir("timex", tim)
    pipe = []
    for i, t in enumerate(texts):
        pipe.append(bytes([PIPELINE_PREFIX[i % len(PIPELINE_PREFIX)]]) + t)
    write_dir("pipeline", pipe)
    os.makedirs(os.path.join(HERE, "dict"), exist_ok=True)
    write_dict("json.dict", JSON_DICT + AR_DICT[:20])
    write_dict("arabic.dict", AR_DICT)


if __name__ == "__main__":
    main()
