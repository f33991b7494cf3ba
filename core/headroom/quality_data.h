// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace headroom {

/** What a benchmark measures, so a user can pick the metric that matches the work they have in mind. */
enum class Skill { Knowledge, Reasoning, Math, Coding, Instruction };

[[nodiscard]] const char *skillName(Skill s);

/** One model's score in one metric, as its source printed it (0-100). */
struct MetricScore {
    std::string model;     ///< catalog model id
    double score = 0.0;    ///< 0-100
    std::string evaluated; ///< the checkpoint the source evaluated (a base model may stand for its instruct twin)
    std::string note;
};

/**
 * A quality metric from ONE evaluation source (scores.json): every score in it comes from the same table
 * or leaderboard, run the same way, so scores of different models are comparable. Models the source did
 * not evaluate have no score; nothing is filled in.
 */
struct Metric {
    std::string id;
    std::string name;
    Skill skill = Skill::Knowledge;
    std::string evaluation; ///< who ran it and how (harness, shots, checkpoints)
    std::string source;
    std::string note;
    std::vector<MetricScore> scores;

    [[nodiscard]] const MetricScore *scoreFor(std::string_view modelId) const;
};

/** One measured (model, quantization) pair of a study: its score and the same model's full-precision score. */
struct RecoveryRow {
    std::string quant;     ///< catalog quantization id
    std::string evaluated; ///< the model the study quantized
    double paramsB = 0.0;  ///< its total parameters, billions
    double baseline = 0.0; ///< BF16/FP16 score, same benchmark and study
    double score = 0.0;    ///< quantized score
    std::string note;

    [[nodiscard]] double recovery() const { return score / baseline; }
};

/** A published evaluation of quantized models on one benchmark (recovery.json). */
struct RecoveryStudy {
    std::string id;
    std::string benchmark;
    std::string source;
    std::string note;
    std::vector<RecoveryRow> rows;
};

} // namespace headroom
