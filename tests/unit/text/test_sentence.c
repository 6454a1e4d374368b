/* Sentence splitting: ICU plus the Arabic rules. */
#include "text_test.h"

/* Every token in exactly one sentence, ranges trimmed and ordered. */
static void
check_invariants(const char *text)
{
    struct txt_doc *doc = tt_doc(text);
    if (NULL == doc)
        return;
    size_t next = 0;
    for (size_t s = 0; s < doc->nsents; s++) {
        const struct txt_sentence *se = &doc->sents[s];
        CHECK_INT(se->tok_begin, next);
        CHECK(se->tok_end > se->tok_begin);
        CHECK_INT(se->start, doc->tokens[se->tok_begin].start);
        CHECK_INT(se->end, doc->tokens[se->tok_end - 1].end);
        for (size_t t = se->tok_begin; t < se->tok_end; t++)
            CHECK_INT(doc->tokens[t].sentence, s);
        next = se->tok_end;
    }
    CHECK_INT(next, doc->ntokens);
}

static void
test_splits(void)
{
    CHECK_STR(tt_sentences("وصل الوزير إلى بغداد. والتقى رئيس الحكومة."),
              "وصل الوزير إلى بغداد . // والتقى رئيس الحكومة .");
    CHECK_STR(tt_sentences("هل انتهى الاجتماع؟ لم ينته بعد"),
              "هل انتهى الاجتماع ؟ // لم ينته بعد");
    CHECK_STR(tt_sentences("بحث الطرفان الأمن؛ واتفقا على التعاون"),
              "بحث الطرفان الأمن ؛ // واتفقا على التعاون");
    CHECK_STR(tt_sentences("يا له من لقاء! ثم غادر"), "يا له من لقاء ! // ثم غادر");
    /* the question mark with no space after it */
    CHECK_STR(tt_sentences("لماذا؟قالها مرتين"), "لماذا ؟ // قالها مرتين");
    /* a line break always ends a sentence; empty lines give nothing */
    CHECK_STR(tt_sentences("عنوان الخبر\n\n\nنص الخبر يبدأ هنا"),
              "عنوان الخبر // نص الخبر يبدأ هنا");
    CHECK_STR(tt_sentences("السطر الأول بلا نقطة\r\nوالثاني"), "السطر الأول بلا نقطة // والثاني");
    /* closing quotes stay with the sentence they close */
    CHECK_STR(tt_sentences("قال: «هل تأتي؟» ثم سكت."), "قال : « هل تأتي ؟ » // ثم سكت .");
    CHECK_STR(tt_sentences("وأضاف: «انتهى الأمر.» وغادر."), "وأضاف : « انتهى الأمر . » // وغادر .");
}

static void
test_no_splits(void)
{
    /* the Arabic comma is a comma */
    CHECK_STR(tt_sentences("التقى الوزير نظيره، ثم عقدا مؤتمرا، وغادر"),
              "التقى الوزير نظيره ، ثم عقدا مؤتمرا ، وغادر");
    /* numbers and dates keep their dots and slashes */
    CHECK_STR(tt_sentences("نما الاقتصاد بنسبة 3.5 في المئة عام 2018"),
              "نما الاقتصاد بنسبة 3.5 في المئة عام 2018");
    CHECK_STR(tt_sentences("وقع الاتفاق في 31.1.2018 في الرياض"), "وقع الاتفاق في 31.1.2018 في الرياض");
    CHECK_STR(tt_sentences("في 31/1/2018 وصل الوفد"), "في 31/1/2018 وصل الوفد");
    /* a period after one letter is an abbreviation: د. محمد */
    CHECK_STR(tt_sentences("قال د. محمد علي إن الوضع مستقر"), "قال د . محمد علي إن الوضع مستقر");
    CHECK_STR(tt_sentences("وصل J. Smith أمس"), "وصل J . Smith أمس");
    CHECK_STR(tt_sentences("قوات U.S. Army هناك"), "قوات U.S . Army هناك");
    /* but an era letter after a year ends the sentence */
    CHECK_STR(tt_sentences("تأسست عام 1950م. ثم توسعت"), "تأسست عام 1950 م . // ثم توسعت");
}

static void
test_edges(void)
{
    struct txt_doc *doc = tt_doc("");
    CHECK_INT(doc->ntokens, 0);
    CHECK_INT(doc->nsents, 0);
    doc = tt_doc("   \n\t \r\n  ");
    CHECK_INT(doc->ntokens, 0);
    CHECK_INT(doc->nsents, 0);
    /* ranges are trimmed of white space */
    doc = tt_doc("   جملة أولى.   جملة ثانية   ");
    CHECK_INT(doc->nsents, 2);
    CHECK_INT(doc->sents[0].start, 3);
    CHECK_INT(doc->sents[0].end, 3 + 10);
    CHECK_INT(doc->sents[1].start, 16);
    CHECK_INT(doc->sents[1].end, 16 + 10);
    check_invariants("وصل الوزير. والتقى؟ نعم؛ لا\n\nربما! «حقا؟» 3.5 31/1/2018.");
    check_invariants("\n\n.\n");
    check_invariants("؟؟؟ ... !!!");
}

int
main(void)
{
    tt_setup(NULL, NULL);
    test_splits();
    test_no_splits();
    test_edges();
    tt_teardown();
    return test_done();
}

/* end of test_sentence.c */
