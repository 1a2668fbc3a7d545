// Small enhancements; every control also works without JavaScript (plain links and forms).
(function () {
  "use strict";
  var root = document.documentElement;

  function setCookie(name, value) {
    var secure = location.protocol === "https:" ? ";secure" : "";
    document.cookie = name + "=" + value + ";path=/;max-age=31536000;samesite=lax" + secure;
  }

  // 字号 大/中/小: switch in place instead of a round trip to /preferences/.
  document.querySelectorAll("[data-pref-font]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      var value = link.getAttribute("data-pref-font");
      event.preventDefault();
      setCookie("font_size", value);
      root.classList.remove("font-small", "font-medium", "font-large");
      root.classList.add("font-" + value);
      document.querySelectorAll("[data-pref-font]").forEach(function (other) {
        if (other === link) { other.setAttribute("aria-current", "true"); } else { other.removeAttribute("aria-current"); }
      });
    });
  });

  // 阅读线: a band that follows the pointer, when the visitor switched it on (/preferences/?guide=1).
  if (root.classList.contains("reading-guide")) {
    var line = document.createElement("div");
    line.className = "reading-guide-line";
    line.setAttribute("aria-hidden", "true");
    line.style.top = "-100px";
    document.body.appendChild(line);
    document.addEventListener("mousemove", function (event) { line.style.top = event.clientY + "px"; });
    document.addEventListener("touchmove", function (event) {
      if (event.touches.length) { line.style.top = event.touches[0].clientY + "px"; }
    }, { passive: true });
  }

  // 朗读正文: the browser's own speech synthesis (nothing is sent anywhere); hidden where there is none.
  if ("speechSynthesis" in window && "SpeechSynthesisUtterance" in window) {
    document.querySelectorAll("[data-read-aloud]").forEach(function (button) {
      var speaking = false;
      function setLabel() {
        button.textContent = button.getAttribute(speaking ? "data-label-stop" : "data-label-start");
        button.setAttribute("aria-pressed", speaking ? "true" : "false");
      }
      button.hidden = false;
      setLabel();
      button.addEventListener("click", function () {
        window.speechSynthesis.cancel();
        if (speaking) { speaking = false; setLabel(); return; }
        var source = document.querySelector(".article") || document.querySelector("main");
        var text = source ? source.innerText : "";
        var utterance = new SpeechSynthesisUtterance(text);
        utterance.lang = "zh-CN";
        utterance.rate = 0.9;
        utterance.onend = utterance.onerror = function () { speaking = false; setLabel(); };
        speaking = true;
        setLabel();
        window.speechSynthesis.speak(utterance);
      });
    });
  }

  // 打印本页: only offered when a script can print.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
