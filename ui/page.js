() => {
  // planqa's page behaviour: citation chips and source links, the answer shown from its
  // top, asking again without context, downloads. Every link here also works without
  // this script: chips and effort links are #anchors, "ask again" is a ?q= link.
  if (window.planqa) return;
  const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  const behavior = reduceMotion ? "auto" : "smooth";
  let highlightTimer = 0;
  let freshQuestion = "";
  let lastShown = null;

  function highlight(el) {
    document.querySelectorAll(".pq-highlight").forEach((e) => e.classList.remove("pq-highlight"));
    el.classList.add("pq-highlight");
    clearTimeout(highlightTimer);
    highlightTimer = setTimeout(() => el.classList.remove("pq-highlight"), 4000);
  }

  function scrollParent(el) {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const overflow = getComputedStyle(p).overflowY;
      if ((overflow === "auto" || overflow === "scroll") && p.scrollHeight > p.clientHeight) {
        return p;
      }
    }
    return null;
  }

  // Bring el's top to the top of its scrolling box, and that into the window.
  function showTop(el) {
    const box = scrollParent(el);
    if (box) {
      box.scrollTop += el.getBoundingClientRect().top - box.getBoundingClientRect().top - 8;
    }
    const top = el.getBoundingClientRect().top;
    if (top < 0 || top > window.innerHeight - 120) window.scrollBy(0, top - 8);
  }

  function showCard(id) {
    const card = document.getElementById(id);
    if (!card) return;
    if (card.tagName === "DETAILS") card.open = true;
    card.scrollIntoView({ block: "nearest", behavior });
    highlight(card);
    (card.querySelector("summary") || card).focus({ preventScroll: true });
  }

  function waitFor(id, ms) {
    const start = performance.now();
    return new Promise((resolve) => {
      (function poll() {
        const el = document.getElementById(id);
        if (el && el.offsetParent !== null) return resolve(el);
        if (performance.now() - start > ms) return resolve(null);
        setTimeout(poll, 50);
      })();
    });
  }

  async function showEffort(id) {
    const tab = [...document.querySelectorAll('[role="tab"]')]
      .find((t) => t.textContent.trim() === "Browse the plan");
    if (tab) tab.click();
    let effort = await waitFor(id, 1500);
    if (!effort) {
      // "Browse the plan" shows one ministry's efforts: show them all
      document.querySelector("#pq-browse-all")?.click();
      effort = await waitFor(id, 8000);
    }
    if (!effort) return;
    effort.scrollIntoView({ block: "center", behavior });
    highlight(effort);
    effort.focus({ preventScroll: true });
  }

  document.addEventListener("click", (event) => {
    const link = event.target.closest("a.pq-ref, a.pq-legend-ref, a.pq-goto, a.pq-fresh");
    if (!link) return;
    const href = link.getAttribute("href") || "";
    if (link.classList.contains("pq-fresh")) {
      const question = new URLSearchParams(href.slice(href.indexOf("?"))).get("q");
      const go = document.querySelector("#pq-fresh-go");
      if (!question || !go) return;
      event.preventDefault();
      freshQuestion = question;
      go.click();
      return;
    }
    if (!href.startsWith("#")) return;
    event.preventDefault();
    const id = decodeURIComponent(href.slice(1));
    if (link.classList.contains("pq-goto")) showEffort(id);
    else showCard(id);
  });

  // Gradio labels each message with its raw HTML source (the message itself is what a
  // screen reader should read) and a chosen filter's remove button "Remove 8" (its index).
  function relabel() {
    document.querySelectorAll("#pq-chat [data-testid][aria-label]").forEach((m) => {
      if (m.dataset.testid === "bot" || m.dataset.testid === "user") m.removeAttribute("aria-label");
    });
    document.querySelectorAll(".token .token-remove").forEach((button) => {
      const label = `Remove ${button.parentElement.textContent.trim()}`;
      if (button.getAttribute("aria-label") !== label) button.setAttribute("aria-label", label);
      if (button.title !== label) button.title = label;
    });
  }
  new MutationObserver(relabel).observe(document.body, {
    subtree: true, childList: true, attributes: true, attributeFilter: ["aria-label", "title"],
  });

  const box = document.querySelector("#pq-question textarea");
  if (box && window.innerWidth >= 900) box.focus({ preventScroll: true });

  window.planqa = {
    // The question asked again without context, read once by the event it triggers.
    takeFresh() {
      const question = freshQuestion;
      freshQuestion = "";
      return question;
    },
    showPending() {
      const bots = document.querySelectorAll('#pq-chat [data-testid="bot"]');
      const last = bots[bots.length - 1];
      const users = document.querySelectorAll('#pq-chat [data-testid="user"]');
      const asked = users[users.length - 1];
      if (last && last.querySelector(".pq-pending") && asked) showTop(asked);
    },
    showLatest() {
      const bots = document.querySelectorAll('#pq-chat [data-testid="bot"]');
      const last = bots[bots.length - 1];
      if (!last || last === lastShown || last.querySelector(".pq-pending")) return;
      lastShown = last;
      showTop(last);
    },
    download(name, text, type) {
      const url = URL.createObjectURL(new Blob([text], { type }));
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    },
  };
}
