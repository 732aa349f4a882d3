# Writes reference.json: metafor's results for every measure × model × option the engine offers, on metafor's own
# example data sets, so the unit tests check the engine against R without needing R.
# Run from this folder: Rscript make-reference.R   (needs R's metafor and jsonlite: Debian r-cran-metafor r-cran-jsonlite)
suppressMessages({ library(metafor); library(jsonlite) })

bcg <- dat.bcg
binary <- lapply(seq_len(nrow(bcg)), function(i) list(label = paste(bcg$author[i], bcg$year[i]),
  data = list(kind = "binary", events1 = bcg$tpos[i], n1 = bcg$tpos[i] + bcg$tneg[i],
              events2 = bcg$cpos[i], n2 = bcg$cpos[i] + bcg$cneg[i]),
  subgroup = as.character(bcg$alloc[i]), covariate = bcg$ablat[i]))

# Small trials with zero cells, one with no events in either arm, for the corrections and the MH/Peto conventions.
sparse <- data.frame(ai = c(0, 2, 1, 0, 5, 3), n1i = c(20, 25, 30, 15, 40, 35),
                     ci = c(3, 4, 0, 0, 9, 6),  n2i = c(21, 24, 28, 16, 41, 33))
sparse_studies <- lapply(seq_len(nrow(sparse)), function(i) list(label = paste("Trial", i),
  data = list(kind = "binary", events1 = sparse$ai[i], n1 = sparse$n1i[i], events2 = sparse$ci[i], n2 = sparse$n2i[i])))

nd <- dat.normand1999
continuous <- lapply(seq_len(nrow(nd)), function(i) list(label = nd$source[i],
  data = list(kind = "continuous", m1 = nd$m1i[i], sd1 = nd$sd1i[i], n1 = nd$n1i[i],
              m2 = nd$m2i[i], sd2 = nd$sd2i[i], n2 = nd$n2i[i])))
single_mean <- lapply(seq_len(nrow(nd)), function(i) list(label = nd$source[i],
  data = list(kind = "single-continuous", m = nd$m1i[i], sd = nd$sd1i[i], n = nd$n1i[i])))

pr <- dat.pritz1997
single_prop <- lapply(seq_len(nrow(pr)), function(i) list(label = pr$authors[i],
  data = list(kind = "single-binary", events = pr$xi[i], n = pr$ni[i])))

# Proportions of 0 and 1, for PLO's correction (and PFT's lack of one).
sparse_prop <- lapply(seq_len(5), function(i) list(label = paste("Series", i),
  data = list(kind = "single-binary", events = c(0, 3, 12, 7, 15)[i], n = c(14, 20, 12, 30, 40)[i])))

bcg_rr <- escalc("RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = bcg)
generic <- lapply(seq_len(nrow(bcg)), function(i) list(label = paste(bcg$author[i], bcg$year[i]),
  data = list(kind = "generic", yi = bcg_rr$yi[i], sei = sqrt(bcg_rr$vi[i]))))

summarise <- function(res, es) {
  out <- list(k = res$k, estimate = c(res$beta), se = res$se, ci_lower = res$ci.lb, ci_upper = res$ci.ub,
              statistic = res$zval, p = res$pval, q = res$QE, q_p = res$QEp, i2 = res$I2, h2 = res$H2,
              yi = c(es$yi), vi = c(es$vi), weights = unname(weights(res)))
  if (inherits(res, "rma.uni") && !(res$method %in% c("EE", "FE"))) {
    pred <- predict(res)
    ci <- confint(res)$random
    out <- c(out, list(tau2 = res$tau2, pi_lower = pred$pi.lb, pi_upper = pred$pi.ub,
                       tau2_ci_lower = ci["tau^2", "ci.lb"], tau2_ci_upper = ci["tau^2", "ci.ub"],
                       i2_ci_lower = ci["I^2(%)", "ci.lb"], i2_ci_upper = ci["I^2(%)", "ci.ub"]))
  }
  out
}

escalc_for <- function(measure, studies, vtype) {
  d <- do.call(rbind, lapply(studies, function(s) as.data.frame(s$data[names(s$data) != "kind"])))
  switch(studies[[1]]$data$kind,
    binary = escalc(measure, ai = d$events1, n1i = d$n1, ci = d$events2, n2i = d$n2),
    continuous = escalc(measure, m1i = d$m1, sd1i = d$sd1, n1i = d$n1, m2i = d$m2, sd2i = d$sd2, n2i = d$n2, vtype = vtype),
    "single-binary" = escalc(measure, xi = d$events, ni = d$n),
    "single-continuous" = escalc(measure, mi = d$m, sdi = d$sd, ni = d$n),
    generic = escalc("GEN", yi = d$yi, sei = d$sei))
}

cases <- list()
add_case <- function(name, measure, data, model, tau2 = NA, ci = NA, vtype = "LS") {
  studies <- datasets[[data]]
  es <- escalc_for(if (model == "peto") "PETO" else measure, studies, vtype)
  if (model == "random") res <- rma(es$yi, es$vi, method = tau2, test = if (ci == "hksj") "knha" else "z")
  if (model == "fixed") res <- rma(es$yi, es$vi, method = "EE")
  d <- do.call(rbind, lapply(studies, function(s) as.data.frame(s$data[names(s$data) != "kind"])))
  if (model == "mh") res <- rma.mh(ai = d$events1, n1i = d$n1, ci = d$events2, n2i = d$n2, measure = measure)
  if (model == "peto") res <- rma.peto(ai = d$events1, n1i = d$n1, ci = d$events2, n2i = d$n2)
  options <- list(measure = measure, model = model, vtype = vtype)
  if (model == "random") options <- c(options, list(tau2 = tau2, ci = ci))
  cases[[length(cases) + 1]] <<- list(name = name, options = options, data = data,
                                      expected = summarise(res, es))
}

datasets <- list(dat.bcg = binary, sparse = sparse_studies, dat.normand1999 = continuous, dat.pritz1997 = single_prop,
                 "dat.normand1999 arm 1" = single_mean, "dat.bcg log RR as generic" = generic, "dat.bcg first two" = binary[1:2],
                 "sparse proportions" = sparse_prop)
sets <- list(
  list(measures = c("RR", "OR", "RD"), data = "dat.bcg"),
  list(measures = c("RR", "OR", "RD"), data = "sparse"),
  list(measures = c("MD", "SMD", "ROM"), data = "dat.normand1999"),
  list(measures = c("PLO", "PFT"), data = "dat.pritz1997"),
  list(measures = c("PLO", "PFT"), data = "sparse proportions"),
  list(measures = "MN", data = "dat.normand1999 arm 1"),
  list(measures = "HR", data = "dat.bcg log RR as generic"))
for (set in sets) for (measure in set$measures) {
  vtypes <- if (measure %in% c("MD", "ROM")) c("LS", "HO") else "LS"
  for (vtype in vtypes) {
    tag <- paste0(measure, if (vtype == "HO") " (HO)" else "", " ", set$data)
    for (tau2 in c("REML", "DL", "PM")) for (ci in c("wald", "hksj"))
      add_case(paste(tag, "random", tau2, ci), measure, set$data, "random", tau2, ci, vtype)
    add_case(paste(tag, "fixed"), measure, set$data, "fixed", vtype = vtype)
    if (measure %in% c("RR", "OR", "RD")) add_case(paste(tag, "mh"), measure, set$data, "mh")
    if (measure == "OR") add_case(paste(tag, "peto"), measure, set$data, "peto")
  }
}
# k = 2: the smallest random-effects analysis.
add_case("RR dat.bcg first two random REML hksj", "RR", "dat.bcg first two", "random", "REML", "hksj")

# Sensitivity, subgroups, meta-regression and Egger's test on dat.bcg log RR, REML + Knapp–Hartung.
res <- rma(yi, vi, data = bcg_rr, method = "REML", test = "knha")
l1o <- leave1out(res)
groups <- lapply(split(seq_len(nrow(bcg)), bcg$alloc), function(ix) {
  r <- rma(yi, vi, data = bcg_rr[ix, ], method = "REML", test = "knha")
  list(name = as.character(bcg$alloc[ix[1]]), k = r$k, estimate = c(r$beta), se = r$se, tau2 = r$tau2)
})
ests <- sapply(groups, function(g) g$estimate); ses <- sapply(groups, function(g) g$se)
between <- rma(ests, sei = ses, method = "EE")
reg <- rma(yi, vi, mods = ~ ablat, data = bcg_rr, method = "REML", test = "knha")
egger <- regtest(res, model = "lm", predictor = "sei")
extras <- list(
  leave_one_out = list(estimate = l1o$estimate, se = l1o$se, tau2 = l1o$tau2, i2 = l1o$I2),
  subgroups = list(groups = unname(groups), q_between = between$QE, q_between_p = between$QEp),
  meta_regression = list(intercept = c(reg$beta)[1], slope = c(reg$beta)[2], se = reg$se, p = reg$pval,
                         tau2 = reg$tau2, f = reg$QM, f_p = reg$QMp, r2 = reg$R2),
  egger = list(statistic = egger$zval, p = egger$pval, df = egger$dfs))

writeLines(toJSON(list(metafor = as.character(packageVersion("metafor")), datasets = datasets, cases = cases, bcg = extras),
                  digits = NA, auto_unbox = TRUE, pretty = FALSE), "reference.json")
cat(length(cases), "cases written\n")
