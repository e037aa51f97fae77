from __future__ import annotations

import pytest

from newsfold.stories.evaluate import read_gold_stories, score_bcubed, split_topics


@pytest.mark.parametrize(
    "predicted, gold, precision, recall",
    [
        ({"a": "1", "b": "1", "c": "2"}, {"a": "x", "b": "x", "c": "y"}, 1.0, 1.0),
        # everything in one story: recall perfect, precision (4/3*... ) = (2/3+2/3+1/3)/3
        ({"a": "1", "b": "1", "c": "1"}, {"a": "x", "b": "x", "c": "y"}, 5 / 9, 1.0),
        # everything alone (None or missing): precision perfect
        ({"a": None}, {"a": "x", "b": "x", "c": "y"}, 1.0, (0.5 + 0.5 + 1) / 3),
    ],
)
def test_evaluate_score_bcubed(predicted, gold, precision, recall):
    score = score_bcubed(predicted, gold)
    assert score.precision == pytest.approx(precision)
    assert score.recall == pytest.approx(recall)


@pytest.mark.parametrize("header, ok", [("file,topic,story", True), ("file,story", True), ("file,label", False)])
def test_evaluate_read_gold_stories_needs_file_and_story(tmp_path, header, ok):
    path = tmp_path / "gold.csv"
    path.write_text(header + "\n" + ",".join(["a.txt", "1", "1_ecb"][: len(header.split(","))]) + "\n")
    if ok:
        stories, topics = read_gold_stories(path)
        assert list(stories) == ["a.txt"]
    else:
        with pytest.raises(ValueError, match="file,story"):
            read_gold_stories(path)


@pytest.mark.parametrize("topics", [[str(t) for t in range(1, 46, 2)], ["a", "b", "c", "d", "e", "f"]])
def test_evaluate_split_topics_holds_out_a_third_whatever_the_order(topics):
    split = split_topics(topics)
    assert sum(part == "held-out" for part in split.values()) == len(topics) // 3
    assert split_topics(list(reversed(topics))) == split
