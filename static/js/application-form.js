// 依申请公开 form: show only the applicant fields that apply to the chosen 申请人类型.
// Without JavaScript both groups stay visible and the server checks only the applicable one.
// The other group gets the `hidden` attribute, so its fields can be neither seen nor focused.
(function () {
  "use strict";
  var radios = document.querySelectorAll('input[name="applicant_type"]');
  var groups = document.querySelectorAll("[data-applicant-fields]");
  if (!radios.length || !groups.length) { return; }

  function update() {
    var chosen = document.querySelector('input[name="applicant_type"]:checked');
    groups.forEach(function (group) {
      group.hidden = chosen !== null && group.getAttribute("data-applicant-fields") !== chosen.value;
    });
  }

  radios.forEach(function (radio) { radio.addEventListener("change", update); });
  update();
})();
