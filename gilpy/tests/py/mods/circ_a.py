print('circ_a: start')
A_EARLY = 'a-early'
import circ_b
print('circ_a: sees', circ_b.B_VALUE)
A_LATE = 'a-late'
