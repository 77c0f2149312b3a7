/* measures.c - keyness, collocation strength and lexical diversity on
 * hand-worked examples (the arithmetic in the comments), on edge cases,
 * and against an independent computation in Python on the Alinsu corpus
 * (tests/text/make_fixtures.py writes tests/text/measures_fixture.h). */
#include "unit.h"
#include "px_measures.h"

#include "../text/measures_fixture.h"

#define EPS 1e-9
#define LN2 0.69314718055994530942

/* Every cell of a scratch array is back to zero. */
static int all_zero(const uint32_t *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (v[i]) return 0;
    return 1;
}

static void test_keyness(void)
{
    px_keyness k;
    /* a = 10 in N1 = 1000, b = 5 in N2 = 2000.
     * E1 = 1000 * 15 / 3000 = 5, E2 = 2000 * 15 / 3000 = 10
     * G2 = 2 (10 ln(10/5) + 5 ln(5/10)) = 2 (10 ln 2 - 5 ln 2) = 10 ln 2
     * p = erfc(sqrt(5 ln 2)) = 0.00846919650753501
     * per million: 10/1000 * 1e6 = 10000, 5/2000 * 1e6 = 2500
     * log ratio = log2(0.01 / 0.0025) = log2 4 = 2
     * %DIFF = (0.01 - 0.0025) / 0.0025 * 100 = 300 */
    CHECK_EQ_INT(px_keyness_measures(10, 5, 1000, 2000, &k), PX_M_OK);
    CHECK_NEAR(k.g2, 10 * LN2, EPS);
    CHECK_NEAR(k.p, 0.00846919650753501, EPS);
    CHECK_NEAR(k.pm, 10000, EPS);
    CHECK_NEAR(k.pm_ref, 2500, EPS);
    CHECK_NEAR(k.log_ratio, 2, EPS);
    CHECK_NEAR(k.pct_diff, 300, EPS);

    /* the same counts the other way round: under-use, G2 = -10 ln 2,
     * log ratio = log2(0.0025 / 0.01) = -2, %DIFF = (0.0025 - 0.01) / 0.01
     * * 100 = -75; p is the same */
    CHECK_EQ_INT(px_keyness_measures(5, 10, 2000, 1000, &k), PX_M_OK);
    CHECK_NEAR(k.g2, -10 * LN2, EPS);
    CHECK_NEAR(k.p, 0.00846919650753501, EPS);
    CHECK_NEAR(k.log_ratio, -2, EPS);
    CHECK_NEAR(k.pct_diff, -75, EPS);

    /* a zero in the target: a = 0, b = 4, N1 = N2 = 1000. E1 = E2 = 2,
     * G2 = 2 (0 + 4 ln(4/2)) = 8 ln 2, under-use so -8 ln 2;
     * p = erfc(sqrt(4 ln 2)) = 0.018531677751199068;
     * a counts as 0.5: log ratio = log2((0.5/1000) / (4/1000)) = log2(1/8) = -3,
     * %DIFF = (0.0005 - 0.004) / 0.004 * 100 = -87.5 */
    CHECK_EQ_INT(px_keyness_measures(0, 4, 1000, 1000, &k), PX_M_OK);
    CHECK_NEAR(k.g2, -8 * LN2, EPS);
    CHECK_NEAR(k.p, 0.018531677751199068, EPS);
    CHECK_NEAR(k.pm, 0, EPS);
    CHECK_NEAR(k.log_ratio, -3, EPS);
    CHECK_NEAR(k.pct_diff, -87.5, EPS);

    /* a zero in the reference, tiny corpora: a = 1, b = 0, N1 = N2 = 1.
     * E1 = E2 = 0.5, G2 = 2 (1 ln(1/0.5)) = 2 ln 2, p = erfc(sqrt(ln 2))
     * = 0.23903189144951192; log ratio = log2(1 / 0.5) = 1;
     * %DIFF = (1 - 0.5) / 0.5 * 100 = 100 */
    CHECK_EQ_INT(px_keyness_measures(1, 0, 1, 1, &k), PX_M_OK);
    CHECK_NEAR(k.g2, 2 * LN2, EPS);
    CHECK_NEAR(k.p, 0.23903189144951192, EPS);
    CHECK_NEAR(k.log_ratio, 1, EPS);
    CHECK_NEAR(k.pct_diff, 100, EPS);

    /* the same relative frequency on both sides: 3/100 = 6/200, nothing
     * to tell apart: G2 0, p 1, log ratio log2 1 = 0, %DIFF 0 */
    CHECK_EQ_INT(px_keyness_measures(3, 6, 100, 200, &k), PX_M_OK);
    CHECK_NEAR(k.g2, 0, EPS);
    CHECK_NEAR(k.p, 1, EPS);
    CHECK_NEAR(k.log_ratio, 0, EPS);
    CHECK_NEAR(k.pct_diff, 0, EPS);

    /* absent from both: the stated convention */
    CHECK_EQ_INT(px_keyness_measures(0, 0, 50, 70, &k), PX_M_OK);
    CHECK_NEAR(k.g2, 0, EPS);
    CHECK_NEAR(k.p, 1, EPS);
    CHECK_NEAR(k.log_ratio, 0, EPS);
    CHECK_NEAR(k.pct_diff, 0, EPS);

    /* out of range: every output NaN */
    CHECK_EQ_INT(px_keyness_measures(11, 5, 10, 100, &k), PX_M_INVALID);   /* a > N1 */
    CHECK_NAN(k.g2);
    CHECK_NAN(k.pm);
    CHECK_EQ_INT(px_keyness_measures(1, 5, 10, 0, &k), PX_M_INVALID);      /* N2 = 0 */
    CHECK_NAN(k.log_ratio);
    CHECK_EQ_INT(px_keyness_measures(-1, 5, 10, 100, &k), PX_M_INVALID);
    CHECK_EQ_INT(px_keyness_measures(NAN, 5, 10, 100, &k), PX_M_INVALID);
    CHECK_EQ_INT(px_keyness_measures(1, 5, INFINITY, 100, &k), PX_M_INVALID);
    CHECK_EQ_STR(px_mstatus_text(PX_M_INVALID), "counts or parameters out of range");
}

static void test_chi2_and_bonferroni(void)
{
    /* the critical values of chi-square with 1 df */
    CHECK_NEAR(px_chi2_1df_p(3.841458820694124), 0.05, EPS);
    CHECK_NEAR(px_chi2_1df_p(6.634896601021214), 0.01, EPS);
    CHECK_NEAR(px_chi2_1df_p(10.827566170662733), 0.001, EPS);
    CHECK_NEAR(px_chi2_1df_p(0), 1, EPS);
    CHECK_NEAR(px_chi2_1df_p(-2), 1, EPS);
    CHECK_NAN(px_chi2_1df_p(NAN));
    CHECK_NEAR(px_bonferroni(0.01, 20), 0.2, EPS);    /* 0.01 * 20 */
    CHECK_NEAR(px_bonferroni(0.2, 10), 1, EPS);       /* 2, capped at 1 */
    CHECK_NEAR(px_bonferroni(0.3, 0), 0.3, EPS);      /* m < 1: no correction */
    CHECK_NAN(px_bonferroni(NAN, 3));
}

static void test_collocation(void)
{
    px_colloc c;
    /* O = 10, f_node = 20, f_collocate = 50, N = 10000, span = 5 + 5 = 10.
     * E = 20 * 50 * 10 / 10000 = 1; MI = log2(10 / 1) = 3.321928094887362
     * t = (10 - 1) / sqrt(10) = 2.846049894151541
     * log Dice = 14 + log2(2 * 10 / 70) = 14 + log2(2/7) = 12.192645077942396
     * the table: R1 = 20 * 10 = 200, R2 = 9800, C1 = 50, C2 = 9950;
     *   O11 = 10   E11 = 200 * 50 / 10000 = 1     10 ln(10/1)       = 23.02585092994046
     *   O12 = 190  E12 = 200 * 9950 / 10000 = 199 190 ln(190/199)   = -8.793342987161182
     *   O21 = 40   E21 = 9800 * 50 / 10000 = 49   40 ln(40/49)      = -8.117633759867612
     *   O22 = 9760 E22 = 9800 * 9950 / 10000 = 9751 9760 ln(9760/9751) = 9.00415214290733
     * G2 = 2 * (sum) = 30.238052651637993 */
    CHECK_EQ_INT(px_collocation_measures(10, 20, 50, 10000, 10, &c), PX_M_OK);
    CHECK_NEAR(c.expected, 1, EPS);
    CHECK_NEAR(c.mi, 3.321928094887362, EPS);
    CHECK_NEAR(c.t, 2.846049894151541, EPS);
    CHECK_NEAR(c.log_dice, 12.192645077942396, EPS);
    CHECK_NEAR(c.g2, 30.238052651637993, EPS);

    /* they always occur together: O = f_node = f_collocate = 5, log Dice
     * = 14 + log2(10 / 10) = 14, its maximum */
    CHECK_EQ_INT(px_collocation_measures(5, 5, 5, 1000, 2, &c), PX_M_OK);
    CHECK_NEAR(c.log_dice, 14, EPS);

    /* never together: O = 0, f_node = 2, f_collocate = 3, N = 100, span 4.
     * E = 2 * 3 * 4 / 100 = 0.24; MI and log Dice -inf, t undefined.
     * table: R1 = 8, R2 = 92, C1 = 3, C2 = 97;
     *   O12 = 8  E12 = 8 * 97 / 100 = 7.76    8 ln(8/7.76)    = 0.24367365987766923
     *   O21 = 3  E21 = 92 * 3 / 100 = 2.76    3 ln(3/2.76)    = 0.2501448268171536
     *   O22 = 89 E22 = 92 * 97 / 100 = 89.24  89 ln(89/89.24) = -0.2396769850650801
     * G2 = 2 * sum = 0.5082830032594856, negative as O < E */
    CHECK_EQ_INT(px_collocation_measures(0, 2, 3, 100, 4, &c), PX_M_UNDEFINED);
    CHECK_NEAR(c.expected, 0.24, EPS);
    CHECK(isinf(c.mi) && c.mi < 0);
    CHECK(isinf(c.log_dice) && c.log_dice < 0);
    CHECK_NAN(c.t);
    CHECK_NEAR(c.g2, -0.5082830032594856, EPS);

    /* windows wider than the text: N = 10, f_node = 3, span = 4 gives
     * R1 = 12; f_collocate = 2, O = 2: O22 = 10 - 12 - 2 + 2 = -2, no table.
     * The rest stands: E = 3 * 2 * 4 / 10 = 2.4, MI = log2(2 / 2.4)
     * = -0.2630344058337938 */
    CHECK_EQ_INT(px_collocation_measures(2, 3, 2, 10, 4, &c), PX_M_UNDEFINED);
    CHECK_NAN(c.g2);
    CHECK_NEAR(c.mi, -0.2630344058337938, EPS);

    /* out of range */
    CHECK_EQ_INT(px_collocation_measures(6, 20, 5, 1000, 10, &c), PX_M_INVALID);  /* O > f_coll */
    CHECK_NAN(c.mi);
    CHECK_EQ_INT(px_collocation_measures(7, 1, 50, 1000, 6, &c), PX_M_INVALID);   /* O > f_node span */
    CHECK_EQ_INT(px_collocation_measures(1, 0, 5, 1000, 10, &c), PX_M_INVALID);   /* f_node 0 */
    CHECK_EQ_INT(px_collocation_measures(1, 5, 5, 1000, 0, &c), PX_M_INVALID);    /* span 0 */
    CHECK_EQ_INT(px_collocation_measures(1, 5, 5, 0, 2, &c), PX_M_INVALID);       /* N 0 */
    CHECK_EQ_INT(px_collocation_measures(1, 5, 2000, 1000, 2, &c), PX_M_INVALID); /* f > N */
}

static void test_mattr(void)
{
    uint32_t counts[8] = {0};
    double v;
    /* a b a c b a (a=0, b=1, c=2), window 3:
     *   [a b a] 2 types, [b a c] 3, [a c b] 3, [c b a] 3
     * MATTR = (2 + 3 + 3 + 3) / (3 * 4) = 11/12 */
    const uint32_t t[] = {0, 1, 0, 2, 1, 0};
    CHECK_EQ_INT(px_mattr(t, 6, 3, counts, 8, &v), PX_M_OK);
    CHECK_NEAR(v, 11.0 / 12.0, EPS);
    CHECK(all_zero(counts, 8));
    /* one window, the whole text: the plain TTR, 3/6 */
    CHECK_EQ_INT(px_mattr(t, 6, 6, counts, 8, &v), PX_M_OK);
    CHECK_NEAR(v, 0.5, EPS);
    /* window 1: every window has one type */
    CHECK_EQ_INT(px_mattr(t, 6, 1, counts, 8, &v), PX_M_OK);
    CHECK_NEAR(v, 1, EPS);
    /* window 2: [a b] 2, [b a] 2, [a c] 2, [c b] 2, [b a] 2 -> 10/10 */
    CHECK_EQ_INT(px_mattr(t, 6, 2, counts, 8, &v), PX_M_OK);
    CHECK_NEAR(v, 1, EPS);
    /* a a a b, window 2: [a a] 1, [a a] 1, [a b] 2 -> 4 / (2 * 3) */
    const uint32_t u[] = {5, 5, 5, 7};
    CHECK_EQ_INT(px_mattr(u, 4, 2, counts, 8, &v), PX_M_OK);
    CHECK_NEAR(v, 4.0 / 6.0, EPS);
    CHECK(all_zero(counts, 8));
    /* shorter than the window, empty, no window, an id past the scratch */
    CHECK_EQ_INT(px_mattr(t, 6, 7, counts, 8, &v), PX_M_SHORT);
    CHECK_NAN(v);
    CHECK_EQ_INT(px_mattr(NULL, 0, 3, counts, 8, &v), PX_M_SHORT);
    CHECK_EQ_INT(px_mattr(t, 6, 0, counts, 8, &v), PX_M_INVALID);
    CHECK_EQ_INT(px_mattr(u, 4, 2, counts, 7, &v), PX_M_INVALID);   /* 7 >= nvocab 7 */
    CHECK(all_zero(counts, 8));
}

/* MATTR by its definition, window by window (O(n w)), for the check below */
static double mattr_naive(const uint32_t *t, size_t n, size_t w)
{
    uint64_t sum = 0;
    for (size_t i = 0; i + w <= n; i++)
        for (size_t j = i; j < i + w; j++) {
            size_t k = i;
            while (k < j && t[k] != t[j]) k++;
            if (k == j) sum++;   /* first occurrence in this window */
        }
    return (double)sum / ((double)w * (double)(n - w + 1));
}

static void test_mattr_random(void)
{
    /* the sliding count agrees with the definition on drawn texts
     * (a fixed linear congruential sequence, 2000 tokens over 40 types) */
    enum { N = 2000, V = 40 };
    static uint32_t t[N], counts[V];
    uint32_t x = 12345;
    for (size_t i = 0; i < N; i++) {
        x = x * 1103515245u + 12345u;
        uint32_t r = (x >> 16) % 100;
        t[i] = r < 60 ? r % 8 : r % V;    /* a few frequent types, a long tail */
    }
    size_t windows[] = {1, 7, 50, 333, N};
    for (size_t k = 0; k < sizeof windows / sizeof *windows; k++) {
        double v;
        CHECK_EQ_INT(px_mattr(t, N, windows[k], counts, V, &v), PX_M_OK);
        CHECK_NEAR(v, mattr_naive(t, N, windows[k]), 1e-12);
    }
    CHECK(all_zero(counts, V));
}

static void test_mtld(void)
{
    uint32_t counts[8] = {0};
    double v, f, b;
    /* a a b b c d (ids 0 0 1 1 2 3), threshold 0.72.
     * forward:  a 1/1; a 1/2 = 0.5 <= 0.72: factor 1, restart;
     *           b 1/1; b 1/2: factor 2, restart; c 1/1; d 2/2 = 1:
     *           remainder TTR 1, partial (1 - 1)/(1 - 0.72) = 0;
     *           6 / 2 = 3
     * backward: d 1/1; c 2/2; b 3/3; b 3/4 = 0.75; a 4/5 = 0.8;
     *           a 4/6 = 0.667 <= 0.72: factor 1, nothing left; 6 / 1 = 6
     * MTLD = (3 + 6) / 2 = 4.5 */
    const uint32_t t[] = {0, 0, 1, 1, 2, 3};
    CHECK_EQ_INT(px_mtld(t, 6, PX_MTLD_THRESHOLD, counts, 8, &v, &f, &b), PX_M_OK);
    CHECK_NEAR(f, 3, EPS);
    CHECK_NEAR(b, 6, EPS);
    CHECK_NEAR(v, 4.5, EPS);
    CHECK(all_zero(counts, 8));

    /* x x a b c a (x=4, a=1, b=2, c=3): a partial factor.
     * forward:  x 1/1; x 1/2: factor 1; a 1/1; b 2/2; c 3/3; a 3/4 = 0.75
     *           > 0.72, the end: partial (1 - 0.75)/(1 - 0.72) = 0.25/0.28
     *           = 25/28; factors 1 + 25/28 = 53/28; 6 / (53/28) = 168/53
     * backward: a 1/1; c 2/2; b 3/3; a 3/4; x 4/5; x 4/6 <= 0.72: factor 1;
     *           6 / 1 = 6
     * MTLD = (168/53 + 6) / 2 = (168 + 318) / 106 = 243/53 */
    const uint32_t u[] = {4, 4, 1, 2, 3, 1};
    CHECK_EQ_INT(px_mtld(u, 6, 0.72, counts, 8, &v, &f, &b), PX_M_OK);
    CHECK_NEAR(f, 168.0 / 53.0, EPS);
    CHECK_NEAR(b, 6, EPS);
    CHECK_NEAR(v, 243.0 / 53.0, EPS);

    /* another threshold: a b a, threshold 0.5.
     * forward: a 1/1; b 2/2; a 2/3 = 0.667 > 0.5: partial
     *          (1 - 2/3)/(1 - 0.5) = 2/3; 3 / (2/3) = 4.5
     * backward (a b a): the same, 4.5 */
    const uint32_t w[] = {0, 1, 0};
    CHECK_EQ_INT(px_mtld(w, 3, 0.5, counts, 8, &v, NULL, NULL), PX_M_OK);
    CHECK_NEAR(v, 4.5, EPS);

    /* no token repeats: no factor forms, unbounded */
    const uint32_t d[] = {0, 1, 2, 3};
    CHECK_EQ_INT(px_mtld(d, 4, 0.72, counts, 8, &v, &f, &b), PX_M_UNDEFINED);
    CHECK_NAN(v);
    CHECK_NAN(f);
    CHECK(all_zero(counts, 8));
    /* one token: a single type, no factor either */
    CHECK_EQ_INT(px_mtld(d, 1, 0.72, counts, 8, &v, NULL, NULL), PX_M_UNDEFINED);
    /* empty, thresholds out of (0, 1), an id past the scratch */
    CHECK_EQ_INT(px_mtld(NULL, 0, 0.72, counts, 8, &v, NULL, NULL), PX_M_SHORT);
    CHECK_NAN(v);
    CHECK_EQ_INT(px_mtld(t, 6, 1.0, counts, 8, &v, NULL, NULL), PX_M_INVALID);
    CHECK_EQ_INT(px_mtld(t, 6, 0.0, counts, 8, &v, NULL, NULL), PX_M_INVALID);
    CHECK_EQ_INT(px_mtld(t, 6, NAN, counts, 8, &v, NULL, NULL), PX_M_INVALID);
    CHECK_EQ_INT(px_mtld(u, 6, 0.72, counts, 4, &v, NULL, NULL), PX_M_INVALID);
    CHECK(all_zero(counts, 8));
}

/* ---- against the independent computation (tests/text/make_fixtures.py) ---- */

static void test_fixture_keyness(void)
{
    for (size_t i = 0; i < sizeof fx_keyness / sizeof *fx_keyness; i++) {
        const fx_keyness_row *r = &fx_keyness[i];
        px_keyness k;
        CHECK_EQ_INT(px_keyness_measures(r->a, r->b, r->n1, r->n2, &k), PX_M_OK);
        CHECK_NEAR(k.pm, r->pm, EPS);
        CHECK_NEAR(k.pm_ref, r->pm_ref, EPS);
        CHECK_NEAR(k.g2, r->g2, EPS);
        CHECK_NEAR(k.p, r->p, EPS);
        CHECK_NEAR(k.log_ratio, r->log_ratio, EPS);
        CHECK_NEAR(k.pct_diff, r->pct_diff, EPS);
    }
}

static void test_fixture_collocations(void)
{
    for (size_t i = 0; i < sizeof fx_colloc / sizeof *fx_colloc; i++) {
        const fx_colloc_row *r = &fx_colloc[i];
        px_colloc c;
        CHECK_EQ_INT(px_collocation_measures(r->o, r->f_node, r->f_coll, r->n, r->span, &c),
                     PX_M_OK);
        CHECK_NEAR(c.expected, r->expected, EPS);
        CHECK_NEAR(c.mi, r->mi, EPS);
        CHECK_NEAR(c.t, r->t, EPS);
        CHECK_NEAR(c.g2, r->g2, EPS);
        CHECK_NEAR(c.log_dice, r->log_dice, EPS);
    }
}

static void test_fixture_diversity(void)
{
    static uint32_t counts[FX_VOCAB];
    for (size_t i = 0; i < sizeof fx_diversity / sizeof *fx_diversity; i++) {
        const fx_diversity_row *r = &fx_diversity[i];
        const uint32_t *t = fx_tokens + r->first;
        double v, f, b;
        px_mstatus st = px_mattr(t, r->n, r->window, counts, FX_VOCAB, &v);
        if (r->mattr < 0) {            /* the text is shorter than the window */
            CHECK_EQ_INT(st, PX_M_SHORT);
        } else {
            CHECK_EQ_INT(st, PX_M_OK);
            CHECK_NEAR(v, r->mattr, EPS);
        }
        CHECK_EQ_INT(px_mtld(t, r->n, r->threshold, counts, FX_VOCAB, &v, &f, &b), PX_M_OK);
        CHECK_NEAR(f, r->mtld_fwd, EPS);
        CHECK_NEAR(b, r->mtld_bwd, EPS);
        CHECK_NEAR(v, r->mtld, EPS);
    }
    CHECK(all_zero(counts, FX_VOCAB));
}

int main(void)
{
    test_keyness();
    test_chi2_and_bonferroni();
    test_collocation();
    test_mattr();
    test_mattr_random();
    test_mtld();
    test_fixture_keyness();
    test_fixture_collocations();
    test_fixture_diversity();
    return unit_summary();
}
