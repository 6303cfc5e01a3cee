"""Narration: offline text-to-speech with pyttsx3 over espeak-ng, assembled
into normalised MP3 files with chapters."""
