/* Follow along: while the guide plays, mark the sentence being spoken.
   The cues of the guide's WebVTT transcript are named after the ids of the
   sentences on the page ("u-causes.3"), so each cue finds its sentence. */
(function () {
  var audio = document.getElementById("narration");
  if (!audio || !audio.textTracks || !audio.textTracks.length) return;
  var track = audio.textTracks[0];
  var current = null;
  track.mode = "hidden";  /* cues fire events but are not drawn over anything */
  track.addEventListener("cuechange", function () {
    if (!track.activeCues.length) return;  /* a pause: keep the last sentence marked */
    var sentence = document.getElementById(track.activeCues[0].id);
    if (!sentence || sentence === current) return;
    if (current) current.classList.remove("speaking");
    sentence.classList.add("speaking");
    current = sentence;
  });
  audio.addEventListener("ended", function () {
    if (current) current.classList.remove("speaking");
    current = null;
  });
})();
