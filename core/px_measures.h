/* px_measures.h - the statistics of shared repertoire: keyness, collocation
 * strength and lexical diversity, as pure functions.
 *
 * Nothing here allocates: the counts come in, the measures go out, and the
 * diversity measures walk a term-id array with a scratch array the caller
 * owns. Every formula, convention and reference is stated here and, in
 * prose, in docs/repertoire.md.
 *
 * Conventions shared by every function:
 * - ln is the natural logarithm, log2 the logarithm to base 2.
 * - Counts are doubles (they may come from a Lua table or exceed 2^32) and
 *   must be finite and non-negative, and no count may exceed its total;
 *   otherwise the function returns PX_M_INVALID and every output is NaN.
 * - A function returns PX_M_OK when every output is a number, and otherwise
 *   a status that says why not, so that a caller can print that reason in
 *   place of the number.
 */
#ifndef PX_MEASURES_H
#define PX_MEASURES_H

#include <stddef.h>
#include <stdint.h>

typedef enum px_mstatus {
    PX_M_OK = 0,
    PX_M_INVALID,    /* a count or parameter is out of range (see each function) */
    PX_M_SHORT,      /* the text has fewer tokens than the measure needs */
    PX_M_UNDEFINED   /* the formula has no finite value for these counts */
} px_mstatus;

/* A short English reason for a status ("ok", "text shorter than the
 * window", ...), for messages. Never NULL. */
const char *px_mstatus_text(px_mstatus st);

/* ------------------------------------------------------------------ */
/* Keyness: one term in a target corpus against a reference           */
/* ------------------------------------------------------------------ */

typedef struct px_keyness {
    double pm, pm_ref;   /* a/N1 * 1e6 and b/N2 * 1e6: frequency per million tokens */
    double g2;           /* log-likelihood, signed: negative for under-use */
    double p;            /* upper tail of chi-square with 1 df at |g2| */
    double log_ratio;    /* log2 of the ratio of relative frequencies */
    double pct_diff;     /* percentage difference of relative frequencies */
} px_keyness;

/* Keyness of a term seen a times in a target of N1 tokens and b times in a
 * reference of N2 tokens (0 <= a <= N1, 0 <= b <= N2, N1 > 0, N2 > 0).
 *
 * g2 - Dunning (1993), in the two-cell form of Rayson and Garside (2000)
 *   used by AntConc and by Rayson's log-likelihood calculator:
 *     E1 = N1 (a+b) / (N1+N2),   E2 = N2 (a+b) / (N1+N2)
 *     G2 = 2 (a ln(a/E1) + b ln(b/E2)),  a term whose count is 0 being 0.
 *   The sign is made negative when a/N1 < b/N2 (the term is under-used in
 *   the target), so that one column ranks over-use first and under-use
 *   last; |g2| is the statistic.
 * p - the probability of a G2 at least |g2| under the null hypothesis,
 *   from the chi-square distribution with one degree of freedom, whose
 *   upper tail is P(X >= x) = erfc(sqrt(x / 2)). 3.84 gives p = 0.05,
 *   6.63 gives 0.01, 10.83 gives 0.001.
 * log_ratio - Hardie (2014): log2((a/N1) / (b/N2)); +1 means twice as
 *   frequent in the target, -1 half as frequent. A count of zero is
 *   replaced by 0.5 (Hardie's adjustment), on either side.
 * pct_diff - Gabrielatos and Marchi (2012): %DIFF =
 *   100 (a/N1 - b/N2) / (b/N2), with the same replacement of a zero count
 *   by 0.5 on either side. With that rule both effect sizes are built from
 *   one ratio r: log_ratio = log2 r and pct_diff = 100 (r - 1), so they
 *   rank terms alike (a term absent from the target thus gets a %DIFF a
 *   little above -100).
 * A term absent from both corpora (a = b = 0) has g2 0, p 1, log_ratio 0
 * and pct_diff 0: nothing distinguishes the corpora.
 *
 * References: T. Dunning (1993), Accurate methods for the statistics of
 * surprise and coincidence, Computational Linguistics 19(1), 61-74.
 * P. Rayson and R. Garside (2000), Comparing corpora using frequency
 * profiling, Proceedings of the Workshop on Comparing Corpora, ACL 2000.
 * A. Hardie (2014), Log Ratio - an informal introduction, ESRC Centre for
 * Corpus Approaches to Social Science (CASS), Lancaster University.
 * C. Gabrielatos and A. Marchi (2012), Keyness: appropriate metrics and
 * practical issues, CADS International Conference, Bologna. */
px_mstatus px_keyness_measures(double a, double b, double n1, double n2, px_keyness *out);

/* The upper tail of the chi-square distribution with one degree of
 * freedom, P(X >= x) = erfc(sqrt(x/2)); 1 for x <= 0, NaN for NaN. */
double px_chi2_1df_p(double x);

/* Bonferroni's correction of one p among m tests: min(1, p m). m < 1 is
 * taken as 1 (no correction). NaN stays NaN. */
double px_bonferroni(double p, double m);

/* ------------------------------------------------------------------ */
/* Collocation: a node and a collocate within a window                 */
/* ------------------------------------------------------------------ */

typedef struct px_colloc {
    double expected;   /* E = f_node f_collocate span / N */
    double mi;         /* log2(O / E) */
    double t;          /* (O - E) / sqrt(O) */
    double g2;         /* log-likelihood of the 2x2 table below, signed */
    double log_dice;   /* 14 + log2(2 O / (f_node + f_collocate)) */
} px_colloc;

/* Association of a collocate seen O times within the windows around a node
 * (span = left + right tokens per occurrence of the node), the node
 * occurring f_node times and the collocate f_collocate times in a text of
 * N tokens. Requires N > 0, span > 0, 0 < f_node <= N, 0 < f_collocate <= N,
 * 0 <= O <= f_collocate and O <= f_node span.
 *
 * expected, mi - E = f_node f_collocate span / N is the number of times the
 *   collocate would fall in the node's windows if the tokens were shuffled;
 *   MI = log2(O / E) (Church and Hanks 1990, with the window as in
 *   Evert 2008).
 * t - t-score, (O - E) / sqrt(O) (Church et al. 1991).
 * g2 - Dunning's log-likelihood over the 2x2 table of the window model
 *   (Evert 2008, surface co-occurrence): the rows are the R1 = f_node span
 *   token slots inside the node's windows and the N - R1 outside, the
 *   columns the collocate and every other word:
 *               collocate           other
 *     window    O11 = O             O12 = R1 - O
 *     outside   O21 = f_coll - O    O22 = N - R1 - f_coll + O
 *   E_ij = (row i total)(column j total) / N, so that E11 = E above, and
 *   G2 = 2 sum O_ij ln(O_ij / E_ij), a cell of 0 adding 0. The sign is
 *   negative when O < E (the collocate avoids the node). When the windows
 *   and the collocate together outnumber the text (O22 < 0, which only
 *   a very small text or a very wide window gives), the table does not
 *   exist: g2 is NaN and the status PX_M_UNDEFINED; the other measures
 *   are still given.
 * log_dice - Rychly (2008): 14 + log2(2 O / (f_node + f_collocate)); at
 *   most 14, which it reaches when the two always occur together.
 * O = 0 (the pair never meets) gives MI and log Dice -infinity and t NaN,
 * with the status PX_M_UNDEFINED; expected and g2 are still given.
 *
 * References: K. W. Church and P. Hanks (1990), Word association norms,
 * mutual information, and lexicography, Computational Linguistics 16(1),
 * 22-29. K. Church, W. Gale, P. Hanks and D. Hindle (1991), Using
 * statistics in lexical analysis, in U. Zernik (ed.), Lexical
 * Acquisition, 115-164. S. Evert (2008), Corpora and collocations, in
 * A. Luedeling and M. Kyto (eds.), Corpus Linguistics: An International
 * Handbook, article 58. P. Rychly (2008), A lexicographer-friendly
 * association score, Proceedings of RASLAN 2008, 6-9. */
px_mstatus px_collocation_measures(double o, double f_node, double f_collocate, double n,
                                   double span, px_colloc *out);

/* ------------------------------------------------------------------ */
/* Lexical diversity over a text given as term ids in document order    */
/* ------------------------------------------------------------------ */

/* Both functions take the text as n term ids (terms[i] < nvocab) and a
 * scratch array counts[nvocab] owned by the caller, sized to the
 * vocabulary (the largest term id + 1). counts must be all zero on entry
 * and is all zero again on return, so that one scratch serves every group
 * of a by= without clearing it each time. Both run in O(n) time and never
 * allocate. A term id >= nvocab gives PX_M_INVALID before any work. */

/* MATTR, the moving-average type-token ratio (Covington and McFall 2010):
 * the mean, over every window of `window` consecutive tokens (n - window
 * + 1 of them), of the window's types / window. A window slides one token
 * at a time; its type count is kept in counts as the window moves, so
 * MATTR = (sum of the windows' type counts) / (window (n - window + 1)),
 * summed in integers. A text of fewer than `window` tokens has no MATTR:
 * *out is NaN and the status PX_M_SHORT. window 0 is PX_M_INVALID.
 *
 * Reference: M. A. Covington and J. D. McFall (2010), Cutting the Gordian
 * knot: the moving-average type-token ratio (MATTR), Journal of
 * Quantitative Linguistics 17(2), 94-100. */
px_mstatus px_mattr(const uint32_t *terms, size_t n, size_t window,
                    uint32_t *counts, size_t nvocab, double *out);

/* MTLD, the measure of textual lexical diversity (McCarthy and Jarvis
 * 2010). A pass reads the tokens in order, keeping the type-token ratio of
 * the current segment; when that ratio falls to the threshold or below
 * (types / tokens <= threshold), one factor is complete and a new segment
 * starts at the next token. The tokens left over at the end form a partial
 * factor, (1 - ttr) / (1 - threshold) with ttr that remainder's ratio (0
 * when nothing is left over). The pass's value is n / factors. MTLD is
 * the mean of a forward pass and a backward pass (the tokens read from
 * last to first). threshold must lie strictly between 0 and 1; McCarthy
 * and Jarvis use 0.72 (PX_MTLD_THRESHOLD).
 * An empty text gives NaN and PX_M_SHORT. A text in which no token repeats
 * never lowers its ratio, so no factor forms and MTLD is unbounded: NaN
 * and PX_M_UNDEFINED. fwd and bwd, when not NULL, receive the two passes.
 *
 * Reference: P. M. McCarthy and S. Jarvis (2010), MTLD, vocd-D, and HD-D: a
 * validation study of sophisticated approaches to lexical diversity
 * assessment, Behavior Research Methods 42(2), 381-392. */
#define PX_MTLD_THRESHOLD 0.72
px_mstatus px_mtld(const uint32_t *terms, size_t n, double threshold,
                   uint32_t *counts, size_t nvocab, double *out, double *fwd, double *bwd);

#endif
