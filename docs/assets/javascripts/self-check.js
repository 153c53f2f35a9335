/* The self-check at the end of each theme module (lmp/generators/self_check.py writes the questions,
 * overrides/lmp/self_check-questions.html their markup).
 *
 * Each question has its options, a button to check the answer (hidden until this script runs) and
 * a live region. Pressing the button says in words whether the choice is right (for a question
 * with several right answers: right, partly right or not right, and for each option chosen
 * whether it is right), gives the feedback of each option chosen and links to the section that
 * teaches it. The feedback, the links and the interface words are read from the page itself (the
 * <details> under each question, the data- attributes of .lmp-self-check): nothing is fetched,
 * so it works offline and from file://. Nothing is stored: no cookies, no storage, nothing in
 * the address; the answers live in the form fields until the page is left. The DOM is built with
 * createElement/textContent and copies of the page's own nodes only.
 */
(function () {
  "use strict";

  function el(tag, className, children) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function chosen(question) {
    return Array.prototype.map.call(question.querySelectorAll("input:checked"), function (input) {
      return input.value;
    });
  }

  /* The <li> of the <details> that holds an option's feedback. */
  function option(question, key) {
    return Array.prototype.filter.call(question.querySelectorAll(".lmp-answer__options > li"), function (item) {
      return item.getAttribute("data-option") === key;
    })[0];
  }

  /* "Read more: <link>" for the options chosen: an option's own section where it has one, else the
     question's; each link once. */
  function links(question, keys) {
    var seen = {}, found = [];
    keys.forEach(function (key) {
      var item = option(question, key);
      var more = (item && item.querySelector(".lmp-answer__more")) ||
        question.querySelector(".lmp-answer__more--question");
      var link = more && more.querySelector("a");
      if (link && !seen[link.getAttribute("href")]) {
        seen[link.getAttribute("href")] = true;
        var copy = el("p", "lmp-feedback__more");
        Array.prototype.forEach.call(more.childNodes, function (node) { copy.appendChild(node.cloneNode(true)); });
        found.push(copy);
      }
    });
    var see = question.querySelector(".lmp-answer__see");
    if (see) {
      var also = el("p", "lmp-feedback__more");
      Array.prototype.forEach.call(see.childNodes, function (node) { also.appendChild(node.cloneNode(true)); });
      found.push(also);
    }
    return found;
  }

  function feedback(question, words) {
    var keys = chosen(question);
    var answer = (question.getAttribute("data-answer") || "").split(" ").filter(Boolean);
    var multiple = question.hasAttribute("data-multiple");
    var parts = [];
    if (!keys.length) {
      return { state: "none", parts: [el("p", "lmp-feedback__verdict", [words.chooseFirst])] };
    }
    var right = keys.filter(function (key) { return answer.indexOf(key) >= 0; });
    var missed = answer.filter(function (key) { return keys.indexOf(key) < 0; });
    var state = right.length === keys.length && !missed.length ? "right" : (right.length ? "partly" : "wrong");
    var mark = { right: "✓", partly: "◑", wrong: "✗" }[state];
    parts.push(el("p", "lmp-feedback__verdict", [el("span", "lmp-feedback__mark", [mark]), " " + words[state]]));
    parts[0].firstChild.setAttribute("aria-hidden", "true");
    keys.forEach(function (key) {
      var item = option(question, key);
      var why = item ? item.querySelector(".lmp-answer__why").textContent : "";
      var line = [el("strong", "", [key]), " "];
      if (multiple) line.push((answer.indexOf(key) >= 0 ? words.optionRight : words.optionWrong) + " ");
      line.push(why);
      parts.push(el("p", "lmp-feedback__why", line));
    });
    if (multiple && missed.length && state !== "wrong") parts.push(el("p", "", [words.missed]));
    return { state: state, parts: parts.concat(links(question, keys)) };
  }

  function setUp(box) {
    var data = box.dataset;
    var words = { chooseFirst: data.chooseFirst, right: data.right, partly: data.partly, wrong: data.wrong,
                  optionRight: data.optionRight, optionWrong: data.optionWrong, missed: data.missed };
    Array.prototype.forEach.call(box.querySelectorAll(".lmp-question"), function (question) {
      var actions = question.querySelector(".lmp-question__actions");
      var button = question.querySelector(".lmp-question__check");
      var output = question.querySelector(".lmp-question__feedback");
      if (!actions || !button || !output) return;
      var timer = null;
      function clear() {
        window.clearTimeout(timer);
        output.className = "lmp-question__feedback";
        output.textContent = "";
      }
      button.addEventListener("click", function () {
        var shown = feedback(question, words);
        clear();
        // Emptied first and filled a moment later, so that a screen reader announces the same
        // feedback again when the same answer is checked twice.
        timer = window.setTimeout(function () {
          output.className = "lmp-question__feedback lmp-question__feedback--" + shown.state;
          shown.parts.forEach(function (part) { output.appendChild(part); });
        }, 50);
      });
      Array.prototype.forEach.call(question.querySelectorAll("input"), function (input) {
        input.addEventListener("change", clear);
      });
      actions.hidden = false;
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll(".lmp-self-check"), setUp);
})();
