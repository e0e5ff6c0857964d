"""The built-in Word templates, shipped as package data of pkgen."""
