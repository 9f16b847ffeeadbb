// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation

/// A story's text as the fingerprint sees it.
struct LabelledText {
    var headline: String
    var paragraphs: [String]
}

/// Two texts and whether they are one story (a near-copy) or two (distinct but similar).
struct LabelledPair {
    var name: String
    var first: LabelledText
    var second: LabelledText
    var isNearCopy: Bool
}

/// A template story: a headline and paragraphs with {0}, {1}… slots, two sets of slot values
/// that make two distinct stories, a typo (wrong, right) and a sentence an update adds.
struct StoryTemplate {
    var name: String
    var headline: String
    var paragraphs: [String]
    var values: [[String]]
    var typo: (wrong: String, right: String)
    var addedSentence: String

    func text(_ set: Int) -> LabelledText {
        func fill(_ template: String) -> String {
            var text = template
            for (index, value) in values[set].enumerated() {
                text = text.replacingOccurrences(of: "{\(index)}", with: value)
            }
            return text
        }
        return LabelledText(headline: fill(headline), paragraphs: paragraphs.map(fill))
    }
}

enum NearDuplicateLabelledSet {
    static var pairs: [LabelledPair] {
        templates.flatMap { template -> [LabelledPair] in
            let original = template.text(0)
            let withTypo = LabelledText(
                headline: original.headline,
                paragraphs: original.paragraphs.map {
                    $0.replacingOccurrences(of: template.typo.right, with: template.typo.wrong)
                }
            )
            var added = original
            added.paragraphs.append(template.addedSentence)
            var requoted = original
            requoted.headline = "  " + original.headline.replacingOccurrences(of: " ", with: "  ")
            requoted.paragraphs = original.paragraphs.map {
                $0.replacingOccurrences(of: "\"", with: "“").replacingOccurrences(of: "'", with: "’")
                    .replacingOccurrences(of: ", ", with: " ,  ")
            }
            var update = added
            update.headline = "UPDATE 1-" + original.headline
            var corrected = original
            corrected.headline = "CORRECTED-" + original.headline
            var refiled = withTypo
            refiled.headline = "REFILE-" + original.headline
            var near = [
                LabelledPair(name: "\(template.name): typo fixed", first: withTypo, second: original, isNearCopy: true),
                LabelledPair(
                    name: "\(template.name): sentence added",
                    first: original,
                    second: added,
                    isNearCopy: true
                ),
                LabelledPair(
                    name: "\(template.name): quotes, spaces",
                    first: original,
                    second: requoted,
                    isNearCopy: true
                ),
                LabelledPair(name: "\(template.name): UPDATE 1-", first: original, second: update, isNearCopy: true),
                LabelledPair(
                    name: "\(template.name): CORRECTED-",
                    first: original,
                    second: corrected,
                    isNearCopy: true
                ),
                LabelledPair(
                    name: "\(template.name): REFILE- + typo",
                    first: original,
                    second: refiled,
                    isNearCopy: true
                ),
            ]
            for other in 1..<template.values.count {
                near.append(
                    LabelledPair(
                        name: "\(template.name): other values \(other)",
                        first: original,
                        second: template.text(other),
                        isNearCopy: false
                    )
                )
                var otherUpdate = template.text(other)
                otherUpdate.headline = "UPDATE 2-" + otherUpdate.headline
                near.append(
                    LabelledPair(
                        name: "\(template.name): other values \(other), UPDATE 2-",
                        first: original,
                        second: otherUpdate,
                        isNearCopy: false
                    )
                )
            }
            return near
        }
    }

    static let templates: [StoryTemplate] = [
        StoryTemplate(
            name: "en market close",
            headline: "Stocks close {0} as {1} gains {2}%",
            paragraphs: [
                "The {1} index closed {0} on Tuesday, gaining {2} percent to {3} points, as investors weighed the central bank's latest remarks on interest rates.",
                "Trading volume was {4} million shares, below the 30-day average. Technology shares led the advance while energy stocks were mixed.",
                "\"Markets are looking for clarity,\" said one strategist in London.",
            ],
            values: [
                ["higher", "FTSE 100", "0.8", "7,912.4", "612"],
                ["higher", "DAX", "1.1", "16,204.9", "588"],
                ["higher", "FTSE 100", "0.6", "7,897.0", "640"],
            ],
            typo: ("investers", "investors"),
            addedSentence:
                "Bond yields edged lower after the close and the dollar was little changed against major currencies."
        ),
        StoryTemplate(
            name: "en match result",
            headline: "{0} beat {1} {2} in Premier League",
            paragraphs: [
                "{0} beat {1} {2} at home on Saturday, with {3} scoring twice in the second half to move his side up the table.",
                "The visitors had taken an early lead but could not hold on as the hosts pressed for the rest of the match.",
                "The result leaves {1} without a win in their last four league games.",
            ],
            values: [
                ["Arsenal", "Chelsea", "2-1", "Saka"],
                ["Liverpool", "Everton", "2-1", "Salah"],
                ["Arsenal", "Chelsea", "3-1", "Saka"],
            ],
            typo: ("pressd", "pressed"),
            addedSentence: "The manager said afterwards that the team had shown great character in a difficult game."
        ),
        StoryTemplate(
            name: "en weather warning",
            headline: "Amber warning for heavy rain issued for {0}",
            paragraphs: [
                "The Met Office has issued an amber warning for heavy rain across {0} from Thursday evening until Friday midday.",
                "Flooding of homes and businesses is likely and travel disruption is expected on roads and railways in {0}.",
                "People are advised to check the forecast and prepare for power cuts.",
            ],
            values: [["Wales"], ["Cumbria"], ["Yorkshire"]],
            typo: ("expectd", "expected"),
            addedSentence: "Some communities may be cut off by flooded roads for a time."
        ),
        StoryTemplate(
            name: "de Börsenschluss",
            headline: "{0} schließt {1} Prozent im Plus",
            paragraphs: [
                "Der {0} hat am Dienstag {1} Prozent höher bei {2} Punkten geschlossen, nachdem die Anleger die jüngsten Aussagen der Notenbank zu den Zinsen bewertet hatten.",
                "Das Handelsvolumen lag unter dem Durchschnitt der vergangenen dreißig Tage. Technologiewerte führten die Gewinne an.",
                "„Die Märkte suchen nach Klarheit“, sagte ein Händler in Frankfurt.",
            ],
            values: [["DAX", "0,9", "16.120,5"], ["MDAX", "0,4", "26.480,1"], ["DAX", "1,2", "16.170,3"]],
            typo: ("Anlegr", "Anleger"),
            addedSentence: "Der Euro gab nach Börsenschluss leicht nach, die Renditen der Bundesanleihen sanken."
        ),
        StoryTemplate(
            name: "fr résultat de match",
            headline: "Ligue 1 : {0} bat {1} {2}",
            paragraphs: [
                "{0} s'est imposé {2} face à {1} samedi soir, grâce à un doublé de {3} en seconde période.",
                "Les visiteurs avaient ouvert le score mais n'ont pas tenu face à la pression des locaux jusqu'à la fin du match.",
                "Ce résultat laisse {1} sans victoire lors de ses quatre derniers matchs de championnat.",
            ],
            values: [
                ["Lyon", "Nantes", "2-0", "Lacazette"],
                ["Marseille", "Lille", "2-0", "Aubameyang"],
                ["Lyon", "Nantes", "2-1", "Lacazette"],
            ],
            typo: ("presion", "pression"),
            addedSentence: "L'entraîneur a salué après la rencontre le caractère de son équipe dans un match difficile."
        ),
        StoryTemplate(
            name: "es aviso meteorológico",
            headline: "Aviso naranja por lluvias intensas en {0}",
            paragraphs: [
                "La Agencia Estatal de Meteorología ha activado el aviso naranja por lluvias intensas en {0} desde el jueves por la tarde hasta el viernes a mediodía.",
                "Se esperan inundaciones en zonas bajas y problemas de tráfico en las carreteras de {0}.",
                "Las autoridades piden a la población que evite los desplazamientos innecesarios.",
            ],
            values: [["Valencia"], ["Murcia"], ["Almería"]],
            typo: ("inundaciónes", "inundaciones"),
            addedSentence: "Algunos colegios podrían suspender las clases si la situación empeora."
        ),
        StoryTemplate(
            name: "ru итоги торгов",
            headline: "Индекс {0} закрылся ростом на {1}%",
            paragraphs: [
                "Индекс {0} по итогам торгов во вторник вырос на {1} процента до {2} пунктов на фоне заявлений центрального банка о ставках.",
                "Объём торгов оказался ниже среднего за последние тридцать дней. Рост возглавили акции технологических компаний.",
                "«Рынки ждут ясности», сказал аналитик в Москве.",
            ],
            values: [["Мосбиржи", "0,7", "3 210,4"], ["РТС", "0,7", "1 105,8"], ["Мосбиржи", "1,3", "3 229,9"]],
            typo: ("заявлениий", "заявлений"),
            addedSentence: "Курс рубля после закрытия торгов почти не изменился."
        ),
        StoryTemplate(
            name: "zh 天气预警",
            headline: "{0}发布暴雨橙色预警",
            paragraphs: [
                "{0}气象台周四发布暴雨橙色预警，预计未来二十四小时内{0}大部分地区将出现强降雨。",
                "有关部门提醒市民减少不必要的外出，注意防范城市内涝和山洪等次生灾害。",
                "交通部门表示部分道路可能临时封闭。",
            ],
            values: [["广东省"], ["福建省"], ["浙江省"]],
            typo: ("外处", "外出"),
            addedSentence: "学校可能视情况停课。"
        ),
        StoryTemplate(
            name: "zh 股市收盘",
            headline: "{0}收涨{1}%",
            paragraphs: [
                "{0}周二收盘上涨{1}%，报{2}点，投资者关注央行最新的利率表态。",
                "两市成交额为{3}亿元，科技股领涨，能源股涨跌不一。",
            ],
            values: [
                ["上证指数", "0.8", "3051.2", "8120"], ["深证成指", "0.8", "9820.6", "9340"],
                ["上证指数", "1.2", "3063.9", "8410"],
            ],
            typo: ("科枝股", "科技股"),
            addedSentence: "分析人士认为市场情绪有所回暖。"
        ),
    ]
}
