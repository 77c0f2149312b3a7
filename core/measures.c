/* measures.c - keyness, collocation strength and lexical diversity
 * (formulas and references in px_measures.h). */
#include "px_measures.h"

#include <math.h>

const char *px_mstatus_text(px_mstatus st)
{
    switch (st) {
    case PX_M_OK: return "ok";
    case PX_M_INVALID: return "counts or parameters out of range";
    case PX_M_SHORT: return "text shorter than the measure needs";
    case PX_M_UNDEFINED: return "no finite value for these counts";
    }
    return "unknown status";
}

/* 0 <= x <= total, both finite */
static int count_in(double x, double total)
{
    return isfinite(x) && isfinite(total) && x >= 0 && x <= total;
}

/* O ln(O / E), 0 when O is 0 (its limit) */
static double o_ln_o_e(double o, double e)
{
    return o > 0 ? o * log(o / e) : 0.0;
}

double px_chi2_1df_p(double x)
{
    if (isnan(x)) return NAN;
    if (x <= 0) return 1.0;
    return erfc(sqrt(x / 2.0));
}

double px_bonferroni(double p, double m)
{
    if (isnan(p) || isnan(m)) return NAN;
    if (m < 1) m = 1;
    double q = p * m;
    return q < 1.0 ? q : 1.0;
}

px_mstatus px_keyness_measures(double a, double b, double n1, double n2, px_keyness *out)
{
    out->pm = out->pm_ref = out->g2 = out->p = out->log_ratio = out->pct_diff = NAN;
    if (!(n1 > 0) || !(n2 > 0) || !count_in(a, n1) || !count_in(b, n2)) return PX_M_INVALID;
    out->pm = a / n1 * 1e6;
    out->pm_ref = b / n2 * 1e6;
    if (a == 0 && b == 0) {
        out->g2 = 0.0;
        out->p = 1.0;
        out->log_ratio = 0.0;
        out->pct_diff = 0.0;
        return PX_M_OK;
    }
    double e1 = n1 * (a + b) / (n1 + n2);
    double e2 = n2 * (a + b) / (n1 + n2);
    double g2 = 2.0 * (o_ln_o_e(a, e1) + o_ln_o_e(b, e2));
    if (g2 < 0) g2 = 0.0;                       /* rounding when a/N1 = b/N2 */
    if (a / n1 < b / n2) g2 = -g2;
    out->g2 = g2;
    out->p = px_chi2_1df_p(fabs(g2));
    /* Hardie's adjustment: a zero count counts as 0.5 */
    double fa = (a > 0 ? a : 0.5) / n1;
    double fb = (b > 0 ? b : 0.5) / n2;
    out->log_ratio = log2(fa / fb);
    out->pct_diff = (fa - fb) / fb * 100.0;
    return PX_M_OK;
}

px_mstatus px_collocation_measures(double o, double f_node, double f_collocate, double n,
                                   double span, px_colloc *out)
{
    out->expected = out->mi = out->t = out->g2 = out->log_dice = NAN;
    if (!(n > 0) || !(span > 0) || !isfinite(span) || !count_in(f_node, n) || !(f_node > 0) ||
        !count_in(f_collocate, n) || !(f_collocate > 0) || !count_in(o, f_collocate) ||
        !(o <= f_node * span))
        return PX_M_INVALID;
    double e = f_node * f_collocate * span / n;
    out->expected = e;
    out->mi = o > 0 ? log2(o / e) : -INFINITY;
    out->t = o > 0 ? (o - e) / sqrt(o) : NAN;
    out->log_dice = o > 0 ? 14.0 + log2(2.0 * o / (f_node + f_collocate)) : -INFINITY;

    /* the 2x2 table of the window model: rows window / outside,
     * columns collocate / other */
    double r1 = f_node * span, r2 = n - r1;
    double c1 = f_collocate, c2 = n - f_collocate;
    double o11 = o, o12 = r1 - o, o21 = f_collocate - o, o22 = n - r1 - f_collocate + o;
    if (o22 < 0) return PX_M_UNDEFINED;
    double g2 = 2.0 * (o_ln_o_e(o11, r1 * c1 / n) + o_ln_o_e(o12, r1 * c2 / n) +
                       o_ln_o_e(o21, r2 * c1 / n) + o_ln_o_e(o22, r2 * c2 / n));
    if (g2 < 0) g2 = 0.0;                       /* rounding when O = E */
    out->g2 = o < e ? -g2 : g2;
    return o > 0 ? PX_M_OK : PX_M_UNDEFINED;
}

/* Every term id below nvocab, and a scratch to count them in? */
static int ids_in_range(const uint32_t *terms, size_t n, const uint32_t *counts, size_t nvocab)
{
    if (n > 0 && (!terms || !counts)) return 0;
    for (size_t i = 0; i < n; i++)
        if (terms[i] >= nvocab) return 0;
    return 1;
}

px_mstatus px_mattr(const uint32_t *terms, size_t n, size_t window,
                    uint32_t *counts, size_t nvocab, double *out)
{
    *out = NAN;
    if (window == 0 || window > UINT32_MAX || !ids_in_range(terms, n, counts, nvocab))
        return PX_M_INVALID;
    if (n < window) return PX_M_SHORT;
    uint64_t types = 0, sum;
    for (size_t i = 0; i < window; i++)
        if (counts[terms[i]]++ == 0) types++;
    sum = types;
    for (size_t i = window; i < n; i++) {
        if (counts[terms[i]]++ == 0) types++;
        if (--counts[terms[i - window]] == 0) types--;
        sum += types;
    }
    for (size_t i = n - window; i < n; i++) counts[terms[i]] = 0;
    *out = (double)sum / ((double)window * (double)(n - window + 1));
    return PX_M_OK;
}

/* One pass of MTLD, forward or backward; counts is used as a seen-flag per
 * term and left all zero. Returns the number of factors. */
static double mtld_factors(const uint32_t *terms, size_t n, int backward, double threshold,
                           uint32_t *seen)
{
#define AT(k) (backward ? terms[n - 1 - (k)] : terms[(k)])
    double factors = 0.0;
    size_t start = 0, tokens = 0, types = 0;
    for (size_t k = 0; k < n; k++) {
        uint32_t t = AT(k);
        tokens++;
        if (!seen[t]) { seen[t] = 1; types++; }
        if ((double)types / (double)tokens <= threshold) {
            factors += 1.0;
            for (size_t j = start; j <= k; j++) seen[AT(j)] = 0;
            start = k + 1;
            tokens = types = 0;
        }
    }
    if (tokens > 0) {
        double ttr = (double)types / (double)tokens;
        factors += (1.0 - ttr) / (1.0 - threshold);
        for (size_t j = start; j < n; j++) seen[AT(j)] = 0;
    }
    return factors;
#undef AT
}

px_mstatus px_mtld(const uint32_t *terms, size_t n, double threshold,
                   uint32_t *counts, size_t nvocab, double *out, double *fwd, double *bwd)
{
    *out = NAN;
    if (fwd) *fwd = NAN;
    if (bwd) *bwd = NAN;
    if (!(threshold > 0 && threshold < 1) || !ids_in_range(terms, n, counts, nvocab))
        return PX_M_INVALID;
    if (n == 0) return PX_M_SHORT;
    double ff = mtld_factors(terms, n, 0, threshold, counts);
    double fb = mtld_factors(terms, n, 1, threshold, counts);
    /* no factor forms in either pass only when no token repeats */
    if (!(ff > 0) || !(fb > 0)) return PX_M_UNDEFINED;
    double vf = (double)n / ff, vb = (double)n / fb;
    if (fwd) *fwd = vf;
    if (bwd) *bwd = vb;
    *out = (vf + vb) / 2.0;
    return PX_M_OK;
}
