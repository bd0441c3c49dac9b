"""Process-wide construction context.

While Cerebro instantiates strategies it publishes itself here, so a strategy
can find its engine without walking the interpreter stack.
"""
current_cerebro = None
